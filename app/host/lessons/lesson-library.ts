/**
 * The lesson packs this computer has: the built-in ones (read-only, shipped in `lessons/`) and those
 * a teacher imported into the pack store (`<dataDir>/packs/<pack id>`). Packs are loaded and checked
 * once, then kept until an import changes the store. An imported pack with a built-in pack's id
 * replaces it (a teacher's newer copy). A pack folder that no longer loads is left out.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../core/errors';
import type { Lesson } from '../../core/lessons/types';
import type { LessonCard } from '../../shared/api';
import { installPack, loadPackFolder, type LoadedPack, type PackLoadResult } from '../packs';

export type PackSource = LessonCard['source'];

export interface LibraryPack {
  readonly pack: LoadedPack;
  readonly source: PackSource;
}

export interface LessonLibraryOptions {
  /** Folders of built-in packs (each subfolder holds a `pack.json`). */
  readonly builtInDirs: readonly string[];
  /** The pack store imports go to. */
  readonly storeDir: string;
}

export class LessonLibrary {
  /** Built-in packs never change while RoboKit runs; the store changes on import. */
  private builtIn: Promise<readonly LibraryPack[]> | null = null;
  private loaded: Promise<ReadonlyMap<string, LibraryPack>> | null = null;

  constructor(private readonly options: LessonLibraryOptions) {}

  /** Every pack, by id: installed packs after built-in ones. */
  packs(): Promise<ReadonlyMap<string, LibraryPack>> {
    this.loaded ??= this.loadAll();
    return this.loaded;
  }

  async cards(): Promise<LessonCard[]> {
    const cards: LessonCard[] = [];
    for (const { pack, source } of (await this.packs()).values()) {
      for (const lesson of pack.manifest.lessons) cards.push(lessonCard(pack, lesson, source));
    }
    return cards;
  }

  /** The pack and lesson, or an AppError a teacher can act on. */
  async find(packId: string, lessonId: string): Promise<{ readonly pack: LoadedPack; readonly lesson: Lesson; readonly card: LessonCard }> {
    const entry = (await this.packs()).get(packId);
    if (!entry) throw new AppError({ code: 'lesson-pack-unknown', params: { pack: packId } });
    const lesson = entry.pack.manifest.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw new AppError({ code: 'lesson-unknown', params: { pack: packId, lesson: lessonId } });
    return { pack: entry.pack, lesson, card: lessonCard(entry.pack, lesson, entry.source) };
  }

  /** Installs a `.robokitpack` (or a folder) into the store; the library reloads on next use. */
  async install(source: string): Promise<PackLoadResult> {
    const result = await installPack(source, this.options.storeDir);
    if (result.ok) this.loaded = null;
    return result;
  }

  private async loadAll(): Promise<ReadonlyMap<string, LibraryPack>> {
    this.builtIn ??= loadPacks(this.options.builtInDirs.map((dir) => [dir, 'built-in'] as const));
    const packs = new Map<string, LibraryPack>();
    for (const entry of [...(await this.builtIn), ...(await loadPacks([[this.options.storeDir, 'installed']]))]) {
      packs.set(entry.pack.id, entry);
    }
    return packs;
  }
}

async function loadPacks(dirs: readonly (readonly [string, PackSource])[]): Promise<LibraryPack[]> {
  const out: LibraryPack[] = [];
  for (const [dir, source] of dirs) {
    for (const folder of await packFolders(dir)) {
      const result = await loadPackFolder(folder);
      // A store folder is named after its pack's id; one that is not was not put there by RoboKit.
      if (result.ok && (source === 'built-in' || basename(folder) === result.pack.id)) out.push({ pack: result.pack, source });
    }
  }
  return out;
}

/** Subfolders of `dir`, sorted, without hidden ones (the store's `.incoming-*` and `.old-*`). */
async function packFolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

export function lessonCard(pack: LoadedPack, lesson: Lesson, source: PackSource): LessonCard {
  const m = pack.manifest;
  return {
    packId: pack.id,
    packTitle: m.title,
    lessonId: lesson.id,
    title: lesson.title,
    ages: [m.ages[0], m.ages[1]],
    minutes: lesson.minutes,
    mode: lesson.mode,
    tags: m.tags,
    profiles: m.profiles,
    hasChallenge: lesson.challenge !== undefined,
    source,
  };
}
