/**
 * Projects on disk: open and save `.robokit` files, autosave into the app data folder, keep the last
 * versions, and find the last autosave again after a crash. Every write is atomic.
 *
 * Layout under `<dataDir>/autosave/`:
 *   current.robokit   the last autosave: what reopens after a crash
 *   session.json      which file (if any) that project belongs to
 *   versions/<id>.robokit   snapshots, at most one per `versionEveryMs`, the newest `maxVersions` kept
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../core/errors';
import { PROJECT_LIMITS, parseProject, type Project } from '../core/project/project';
import type { VersionInfo } from '../shared/api';
import { writeFileAtomic } from './atomic-write';

export interface ProjectStoreOptions {
  readonly dataDir: string;
  readonly maxVersions?: number;
  readonly versionEveryMs?: number;
  readonly now?: () => Date;
}

export interface LastSession {
  readonly project: Project;
  readonly filePath: string | null;
}

const VERSION_ID = /^\d{8}-\d{9}(-\d{1,3})?$/;

export class ProjectStore {
  private readonly dir: string;
  private readonly versionsDir: string;
  private readonly maxVersions: number;
  private readonly versionEveryMs: number;
  private readonly now: () => Date;
  /** Writes to the autosave folder happen one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastVersionAt = -Infinity;
  private sessionPath: string | null | undefined;

  constructor(options: ProjectStoreOptions) {
    this.dir = join(options.dataDir, 'autosave');
    this.versionsDir = join(this.dir, 'versions');
    this.maxVersions = options.maxVersions ?? 20;
    this.versionEveryMs = options.versionEveryMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Reads and validates a `.robokit` file; rejects with an AppError naming what is wrong. */
  async readFile(path: string): Promise<Project> {
    const file = basename(path);
    let text: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new AppError({ code: 'file-unreadable', params: { file } });
      if (info.size > PROJECT_LIMITS.maxChars * 4) {
        throw new AppError({ code: 'file-too-large', params: { size: `${info.size} octets` } });
      }
      text = await readFile(path, 'utf8');
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError({ code: 'file-unreadable', params: { file } });
    }
    const parsed = parseProject(text);
    if (!parsed.ok) throw new AppError(parsed.error);
    return parsed.project;
  }

  /** Saves atomically to `path`, and keeps a version of it. */
  async writeFile(path: string, project: Project): Promise<void> {
    try {
      await writeFileAtomic(path, serializeProject(project));
    } catch {
      throw new AppError({ code: 'file-save-failed', params: { file: basename(path) } });
    }
    await this.serialized(() => this.addVersion(project));
  }

  /** The autosave: the current project (and the file it belongs to) replaces the last one. */
  autosave(project: Project, filePath: string | null): Promise<{ savedAt: string }> {
    return this.serialized(async () => {
      await mkdir(this.dir, { recursive: true });
      const savedAt = this.now().toISOString();
      await writeFileAtomic(join(this.dir, 'current.robokit'), serializeProject(project));
      if (this.sessionPath !== filePath) {
        await writeFileAtomic(join(this.dir, 'session.json'), JSON.stringify({ filePath }));
        this.sessionPath = filePath;
      }
      if (this.now().getTime() - this.lastVersionAt >= this.versionEveryMs) await this.addVersion(project);
      return { savedAt };
    });
  }

  /**
   * Forgets the autosave and every version kept since `since` (« Famille suivante »: nothing of
   * the family that just left can be reopened); older versions, from before the workshop, stay.
   */
  forgetSince(since: Date): Promise<void> {
    return this.serialized(async () => {
      await rm(join(this.dir, 'current.robokit'), { force: true });
      const first = isoToId(since);
      for (const id of await this.versionIds()) {
        if (id >= first) await rm(this.versionPath(id), { force: true });
      }
      this.lastVersionAt = -Infinity;
    });
  }

  /** What to reopen after a crash or a normal quit: the last autosave, else the newest good version. */
  async lastSession(): Promise<LastSession | null> {
    const current = await this.tryRead(join(this.dir, 'current.robokit'));
    if (current) return { project: current, filePath: await this.readSessionPath() };
    for (const version of await this.listVersions()) {
      const project = await this.tryRead(this.versionPath(version.id));
      if (project) return { project, filePath: null };
    }
    return null;
  }

  /** Newest first. */
  async listVersions(): Promise<VersionInfo[]> {
    const ids = await this.versionIds();
    const out: VersionInfo[] = [];
    for (const id of ids.reverse()) {
      const project = await this.tryRead(this.versionPath(id));
      if (project) out.push({ id, savedAt: idToIso(id), name: project.name });
    }
    return out;
  }

  async readVersion(id: string): Promise<Project> {
    const project = VERSION_ID.test(id) ? await this.tryRead(this.versionPath(id)) : null;
    if (!project) throw new AppError({ code: 'version-not-found' });
    return project;
  }

  private async addVersion(project: Project): Promise<void> {
    await mkdir(this.versionsDir, { recursive: true });
    const now = this.now();
    const existing = new Set(await this.versionIds());
    let id = isoToId(now);
    for (let n = 2; existing.has(id); n++) id = `${isoToId(now)}-${n}`;
    await writeFileAtomic(this.versionPath(id), serializeProject(project));
    this.lastVersionAt = now.getTime();
    const ids = [...existing, id].sort();
    for (const old of ids.slice(0, Math.max(0, ids.length - this.maxVersions))) {
      await rm(this.versionPath(old), { force: true });
    }
  }

  /** Oldest first. */
  private async versionIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.versionsDir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.robokit'))
      .map((n) => n.slice(0, -'.robokit'.length))
      .filter((id) => VERSION_ID.test(id))
      .sort();
  }

  private versionPath(id: string): string {
    return join(this.versionsDir, `${id}.robokit`);
  }

  private async tryRead(path: string): Promise<Project | null> {
    try {
      const parsed = parseProject(await readFile(path, 'utf8'));
      return parsed.ok ? parsed.project : null;
    } catch {
      return null;
    }
  }

  private async readSessionPath(): Promise<string | null> {
    try {
      const data = JSON.parse(await readFile(join(this.dir, 'session.json'), 'utf8')) as unknown;
      const filePath = (data as { filePath?: unknown } | null)?.filePath;
      return typeof filePath === 'string' ? filePath : null;
    } catch {
      return null;
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** `2026-11-28T09:04:12.123Z` → `20261128-090412123`: sortable, and safe as a file name. */
function isoToId(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 23).replace(/[:.]/g, '')}`;
}

function idToIso(id: string): string {
  const d = id.slice(0, 8);
  const t = id.slice(9, 18);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${t.slice(6, 9)}Z`;
}
