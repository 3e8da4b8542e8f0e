/**
 * The teacher's code: the adult chooses it the first time the teacher space is opened; after that the
 * space (solutions) opens only with it. Kept on this computer as a salted scrypt hash in
 * `teacher-code.json` (written atomically); the code itself never leaves the host and the page never
 * sees the hash. A wrong code makes the next try wait (a child cannot try every code in a lesson).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from './atomic-write';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export const TEACHER_CODE_MIN_CHARS = 4;
const FILE = 'teacher-code.json';
const KEY_BYTES = 32;

interface Stored {
  readonly salt: string;
  readonly hash: string;
}

export class TeacherCode {
  private readonly file: string;
  /** No answer to a try before this time (ms since the epoch). */
  private notBefore = 0;

  constructor(
    dataDir: string,
    private readonly wrongDelayMs = 2000,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    /** Where the hash is kept, under `dataDir` (the workshop's leave code has its own file). */
    fileName = FILE,
  ) {
    this.file = join(dataDir, fileName);
  }

  async isSet(): Promise<boolean> {
    return (await this.read()) !== null;
  }

  /** Sets the code the first time; changing it needs the current one. False when refused. */
  async set(code: string, current?: string): Promise<boolean> {
    if (code.trim().length < TEACHER_CODE_MIN_CHARS) return false;
    if ((await this.isSet()) && !(current !== undefined && (await this.check(current)))) return false;
    const salt = randomBytes(16);
    const hash = await scrypt(code.trim(), salt, KEY_BYTES);
    await writeFileAtomic(this.file, JSON.stringify({ salt: salt.toString('hex'), hash: hash.toString('hex') }));
    return true;
  }

  /** Forgets the code (a workshop's leave code, once the workshop is over). */
  clear(): Promise<void> {
    return rm(this.file, { force: true });
  }

  /** True for the right code. */
  async check(code: string): Promise<boolean> {
    const wait = this.notBefore - this.now();
    if (wait > 0) await this.sleep(wait);
    const stored = await this.read();
    if (!stored) return false;
    const hash = await scrypt(code.trim(), Buffer.from(stored.salt, 'hex'), KEY_BYTES);
    const right = timingSafeEqual(hash, Buffer.from(stored.hash, 'hex'));
    if (!right) this.notBefore = this.now() + this.wrongDelayMs;
    return right;
  }

  private async read(): Promise<Stored | null> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Stored>;
      const hex = /^[0-9a-f]+$/;
      if (typeof data.salt === 'string' && typeof data.hash === 'string' && hex.test(data.salt) && data.hash.length === KEY_BYTES * 2 && hex.test(data.hash)) {
        return { salt: data.salt, hash: data.hash };
      }
      return null;
    } catch {
      return null;
    }
  }
}
