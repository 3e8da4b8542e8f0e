/**
 * The workshop under way, autosaved so it survives a crash: `<dataDir>/workshop/current.robokitsession`,
 * written atomically (a crash leaves the old file or the new one) and one write at a time. What is
 * read back is validated like any session file; a damaged file is moved aside, never trusted.
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../core/errors';
import { checkSession, parseSession, serializeSession, type Session } from '../core/workshop/session';
import { writeFileAtomic } from './atomic-write';

export class WorkshopStore {
  private readonly dir: string;
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.dir = join(dataDir, 'workshop');
    this.file = join(this.dir, 'current.robokitsession');
  }

  /** Replaces the autosave; rejects with the session's own error when it is not a valid session. */
  save(session: Session): Promise<{ savedAt: string }> {
    const checked = checkSession(session);
    if (!checked.ok) return Promise.reject(new AppError(checked.error));
    return this.serialized(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.file, serializeSession(checked.session));
      return { savedAt: this.now().toISOString() };
    });
  }

  /** The session under way after a restart or a crash, or null (none, or damaged: kept aside as `.damaged`). */
  load(): Promise<Session | null> {
    return this.serialized(async () => {
      let text: string;
      try {
        text = await readFile(this.file, 'utf8');
      } catch {
        return null;
      }
      const parsed = parseSession(text);
      if (parsed.ok) return parsed.session;
      await rename(this.file, `${this.file}.damaged`).catch(() => undefined);
      return null;
    });
  }

  /** The workshop ended: nothing of it stays in the autosave. */
  clear(): Promise<void> {
    return this.serialized(() => rm(this.file, { force: true }));
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
