/**
 * The class's own robots (`.robokitprofile`, docs/profiles.md), kept in `<dataDir>/profiles/<id>.robokitprofile`,
 * written atomically and one write at a time. What is read back is checked like any profile file; a
 * damaged file is moved aside (`.damaged`), never trusted. Built-in profiles are not files: they
 * cannot be saved over or deleted.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../core/errors';
import { findProfile, type Profile } from '../core/profiles';
import {
  checkProfileFile,
  parseProfileFile,
  PROFILE_FILE_EXTENSION,
  PROFILE_FILE_LIMITS,
  profileFromFile,
  serializeProfileFile,
  type ProfileFile,
} from '../core/profile-file/profile-file';
import { PROFILE_FILE_ID_PATTERN } from '../core/profile-file/profile-file-schema';
import { writeFileAtomic } from './atomic-write';

export class ProfileStore {
  private readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'profiles');
  }

  /** Every saved profile, by name (damaged files are moved aside). */
  list(): Promise<ProfileFile[]> {
    return this.serialized(async () => {
      let names: string[];
      try {
        names = await readdir(this.dir);
      } catch {
        return [];
      }
      const files: ProfileFile[] = [];
      for (const name of names.filter((n) => n.endsWith(PROFILE_FILE_EXTENSION)).sort()) {
        const file = await this.readStored(join(this.dir, name));
        if (file && `${file.id}${PROFILE_FILE_EXTENSION}` === name) files.push(file);
      }
      return files.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    });
  }

  /** A saved profile, or null. */
  get(id: string): Promise<ProfileFile | null> {
    if (!isFileId(id)) return Promise.resolve(null);
    return this.serialized(() => this.readStored(this.pathOf(id)));
  }

  /** Saves (or replaces) a profile; rejects with the file's own error when it is not valid. */
  save(file: ProfileFile): Promise<ProfileFile> {
    const checked = checkProfileFile(file);
    if (!checked.ok) return Promise.reject(new AppError(checked.error));
    return this.serialized(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.pathOf(checked.file.id), serializeProfileFile(checked.file));
      return checked.file;
    });
  }

  /** Deletes a saved profile (nothing happens if there is none). */
  remove(id: string): Promise<void> {
    if (!isFileId(id)) return Promise.resolve();
    return this.serialized(() => rm(this.pathOf(id), { force: true }));
  }

  /** The profile to run with: a built-in one, or a saved one made into a Profile; undefined if neither. */
  async find(id: string): Promise<Profile | undefined> {
    const builtIn = findProfile(id);
    if (builtIn) return builtIn;
    const file = await this.get(id);
    return (file && profileFromFile(file)) ?? undefined;
  }

  /** Like `find`, or rejects with `unknown-profile`. */
  async require(id: string): Promise<Profile> {
    const profile = await this.find(id);
    if (!profile) throw new AppError({ code: 'unknown-profile', params: { profile: id } });
    return profile;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}${PROFILE_FILE_EXTENSION}`);
  }

  private async readStored(path: string): Promise<ProfileFile | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return null;
    }
    const parsed = parseProfileFile(text);
    if (parsed.ok) return parsed.file;
    await rename(path, `${path}.damaged`).catch(() => undefined);
    return null;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Reads a profile file someone chose (a dialog, the command line); rejects with one sentence. */
export async function readProfileFile(path: string): Promise<ProfileFile> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AppError({ code: 'file-unreadable', params: { file: basename(path) } });
  }
  // Refused before reading: a file far larger than any profile is not one (UTF-8 is at most 4 bytes a char).
  if (size > PROFILE_FILE_LIMITS.maxChars * 4) throw new AppError({ code: 'profile-too-large', params: { size: `${size} octets` } });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError({ code: 'file-unreadable', params: { file: basename(path) } });
  }
  const parsed = parseProfileFile(text);
  if (!parsed.ok) throw new AppError(parsed.error);
  return parsed.file;
}

const FILE_ID = new RegExp(PROFILE_FILE_ID_PATTERN);

/** A user profile's id (the file's name in the store): never a path. */
function isFileId(id: string): boolean {
  return FILE_ID.test(id);
}
