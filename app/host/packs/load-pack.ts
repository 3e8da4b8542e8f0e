/**
 * A pack folder → a LoadedPack, or every problem found. Never throws for bad input.
 * Checks, in order: the folder (names, links, sizes), `pack.json` (schema and rules), then every
 * file the manifest names: it exists, starters and solutions are projects, worlds parse and hold
 * the zones their goals name, steps are UTF-8 markdown whose images are in the pack and are images
 * the app can show (PNG, JPEG, GIF, WebP), and each lesson's starter and solution use only blocks
 * RoboKit knows and the lesson's toolbox offers (and the solution compiles): what `robokit check`
 * and the app would refuse, `pack validate` refuses first.
 */
import { resolve } from 'node:path';
import { jsonDepth } from '../../core/project/json-guard';
import type { Project } from '../../core/project/project';
import type { World } from '../../core/simulator/world';
import { allowedBlockTypes } from '../../core/challenge/lesson-blocks';
import { blockLabel } from '../../core/blocks/block-labels';
import { goalZones } from '../../core/lessons/goal-checks';
import { badBlockRefs, lessonTexts, stepBlockTypes, unknownBlockNames } from '../../core/lessons/step-blocks';
import { lessonProjectErrors } from '../../core/lessons/lesson-projects';
import { worldPackErrors } from '../../core/lessons/world-errors';
import { renderMarkdown, packImageUrl } from '../../core/lessons/markdown';
import { formatBytes, PACK_MANIFEST, packError, showName, type PackError } from '../../core/lessons/pack-error';
import { PACK_LIMITS, type PackLimits } from '../../core/lessons/pack-limits';
import { packReferences, type PackReference } from '../../core/lessons/references';
import type { Lesson, PackManifest } from '../../core/lessons/types';
import { workspaceNames } from '../../core/compiler/workspace';
import { parseJson, parseManifest } from '../../core/lessons/validate-manifest';
import { DEFAULT_CHECKERS, type PackCheckers } from './checkers';
import { scanFolder } from './folder-scan';
import { IMAGE_LIMITS, imageType, readPackFile } from './pack-files';
import { readPackText, type TextRead } from './read-text';

/** Files of a pack read at once while loading it. */
const READ_AHEAD = 16;

export interface LoadedPack {
  readonly id: string;
  /** Absolute path of the folder holding `pack.json`. */
  readonly root: string;
  readonly manifest: PackManifest;
  /** Every file of the pack (pack-relative path → bytes). */
  readonly files: ReadonlyMap<string, number>;
  /** Starters and solutions, by pack path. */
  readonly projects: ReadonlyMap<string, Project>;
  readonly worlds: ReadonlyMap<string, World>;
  /** Markdown sources of the steps, by pack path (render with `host/packs/markdown.ts`). */
  readonly steps: ReadonlyMap<string, string>;
  readonly warnings: readonly PackError[];
}

export type PackLoadResult = { readonly ok: true; readonly pack: LoadedPack } | { readonly ok: false; readonly errors: readonly PackError[] };

export interface PackLoadOptions {
  readonly checkers?: Partial<PackCheckers>;
  readonly limits?: PackLimits;
  /**
   * Load only what checking this lesson (by id) needs — its projects and its world, not its steps —
   * for `robokit check`. The folder and the whole manifest are still checked.
   */
  readonly lesson?: string;
}

export async function loadPackFolder(dir: string, options: PackLoadOptions = {}): Promise<PackLoadResult> {
  const limits = options.limits ?? PACK_LIMITS;
  const checkers: PackCheckers = { ...DEFAULT_CHECKERS, ...options.checkers };
  const root = resolve(dir);
  try {
    const listing = await scanFolder(root, limits);
    if (listing.errors.length > 0) return failed(listing.errors, limits);
    if (!listing.files.has(PACK_MANIFEST)) return failed([packError('pack-no-manifest')], limits);
    const text = await readPackText(root, PACK_MANIFEST, limits.maxManifestBytes);
    if (!text.ok) return failed([text.error], limits);
    const parsed = parseManifest(text.text, { blockTypes: checkers.blockTypes, profiles: checkers.profiles, limits });
    if (!parsed.ok) return failed(parsed.errors, limits);
    const loader = new ReferenceLoader(root, parsed.manifest, listing.files, checkers, limits);
    await loader.loadAll(parsed.manifest.lessons.findIndex((l) => l.id === options.lesson));
    const problems = [...parsed.warnings, ...loader.problems];
    if (problems.some((p) => p.severity === 'error')) return failed(problems, limits);
    return {
      ok: true,
      pack: {
        id: parsed.manifest.id,
        root,
        manifest: parsed.manifest,
        files: listing.files,
        projects: loader.projects,
        worlds: loader.worlds,
        steps: loader.steps,
        warnings: problems,
      },
    };
  } catch {
    // Only the file system can get here (a folder removed while reading it).
    return failed([packError('pack-unreadable', {}, { file: showName(dir) })], limits);
  }
}

/** Errors first, capped, with a count of the rest. */
function failed(problems: readonly PackError[], limits: PackLimits): PackLoadResult {
  const sorted = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
  if (sorted.length <= limits.maxErrors) return { ok: false, errors: sorted };
  const rest = sorted.length - limits.maxErrors;
  return { ok: false, errors: [...sorted.slice(0, limits.maxErrors), packError('pack-too-many-errors', {}, { count: rest })] };
}

class ReferenceLoader {
  readonly problems: PackError[] = [];
  readonly projects = new Map<string, Project>();
  readonly worlds = new Map<string, World>();
  readonly steps = new Map<string, string>();
  private readonly bad = new Set<string>();
  /** Images the steps show, each with the first step that shows it. */
  private readonly images = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly manifest: PackManifest,
    private readonly files: ReadonlyMap<string, number>,
    private readonly checkers: PackCheckers,
    private readonly limits: PackLimits,
  ) {}

  /** Files read ahead of use, a few at a time: a pack has dozens of small files. */
  private readonly reads = new Map<string, Promise<TextRead>>();

  /** Loads every referenced file, or only the projects and world of the lesson at `onlyLesson` (when ≥ 0). */
  async loadAll(onlyLesson = -1): Promise<void> {
    const refs = packReferences(this.manifest).filter((ref) => onlyLesson < 0 || (ref.lessonIndex === onlyLesson && ref.kind !== 'markdown'));
    this.readAhead(refs);
    for (const ref of refs) {
      if (this.problems.length >= this.limits.maxErrors) return;
      await this.load(ref);
    }
    this.checkZones();
    if (onlyLesson < 0) this.checkStepBlocks();
    await this.checkImages();
    this.problems.push(...lessonProjectErrors(this.manifest, this.projects, this.checkers.blockTypes));
  }

  private maxBytes(ref: PackReference): number {
    if (ref.kind === 'markdown') return this.limits.maxMarkdownBytes;
    return ref.kind === 'world' ? this.limits.maxWorldBytes : this.limits.maxFileBytes;
  }

  /** Starts reading every referenced file that exists, at most READ_AHEAD at once. */
  private readAhead(refs: readonly PackReference[]): void {
    const seen = new Set<string>();
    const pending = refs.filter((ref) => this.files.has(ref.file) && !seen.has(ref.file) && seen.add(ref.file));
    let running = Promise.resolve();
    for (let i = 0; i < pending.length; i += READ_AHEAD) {
      const batch = pending.slice(i, i + READ_AHEAD);
      const started = running.then(() => batch.map((ref) => readPackText(this.root, ref.file, this.maxBytes(ref))));
      batch.forEach((ref, j) => this.reads.set(ref.file, started.then((reads) => reads[j]!)));
      running = started.then((reads) => Promise.all(reads)).then(() => undefined);
    }
  }

  private async load(ref: PackReference): Promise<void> {
    const at = { file: PACK_MANIFEST, path: ref.path };
    if (!this.files.has(ref.file)) return void this.problems.push(packError('pack-file-missing', at, { file: ref.file }));
    if (this.bad.has(ref.file) || this.projects.has(ref.file) || this.worlds.has(ref.file) || this.steps.has(ref.file)) return;
    const read = await (this.reads.get(ref.file) ?? readPackText(this.root, ref.file, this.maxBytes(ref)));
    if (!read.ok) {
      this.bad.add(ref.file);
      return void this.problems.push(read.error);
    }
    if (ref.kind === 'project') this.loadProject(ref, read.text);
    else if (ref.kind === 'world') this.loadWorld(ref, read.text);
    else this.loadStep(ref, read.text);
  }

  private loadProject(ref: PackReference, text: string): void {
    const result = this.checkers.parseProject(text);
    if (result.ok) return void this.projects.set(ref.file, result.project);
    this.bad.add(ref.file);
    // A syntax error: its line and column in the project file itself.
    const json = result.error.code === 'file-not-json' ? parseJson(text, ref.file) : null;
    if (json && !json.ok) return void this.problems.push(json.error);
    const cause = { code: result.error.code, params: result.error.params };
    this.problems.push(packError('pack-project-invalid', { file: PACK_MANIFEST, path: ref.path }, { file: ref.file }, { cause }));
  }

  private loadWorld(ref: PackReference, text: string): void {
    const at = { file: ref.file };
    this.bad.add(ref.file);
    if (jsonDepth(text, this.limits.maxJsonDepth) > this.limits.maxJsonDepth) {
      return void this.problems.push(packError('pack-json-too-deep', at, { max: this.limits.maxJsonDepth }));
    }
    const json = parseJson(text, ref.file);
    if (!json.ok) return void this.problems.push(json.error);
    const result = this.checkers.parseWorld(json.value);
    if (!result.ok) return void this.problems.push(...worldPackErrors(ref.file, result.error));
    this.bad.delete(ref.file);
    this.worlds.set(ref.file, result.world);
  }

  private loadStep(ref: PackReference, text: string): void {
    this.steps.set(ref.file, text);
    const rendered = renderMarkdown(text, {
      file: ref.file,
      hasFile: (p) => this.files.has(p),
      imageUrl: (p) => {
        if (!this.images.has(p)) this.images.set(p, ref.file);
        return packImageUrl(this.manifest.id, p);
      },
    });
    for (const problem of rendered.problems) {
      const severity = problem.code === 'pack-md-image-missing' ? 'error' : 'warning';
      const params: Record<string, string> = problem.code === 'pack-md-image-missing' ? { file: showName(problem.ref) } : { url: showName(problem.ref) };
      this.problems.push(packError(problem.code, { file: ref.file }, params, { severity }));
    }
  }

  /**
   * Blocks a lesson's texts show (`{{block:TYPE}}` in steps, hints and teacher notes) exist and are in
   * the lesson's toolbox (numbers and texts always are: toolboxes give them inside blocks); in a
   * version 2 pack, every block the text names in words exists, or is one of the lesson's own
   * variables or blocks (a version 1 pack is not checked for names: labels changed since it was written).
   */
  private checkStepBlocks(): void {
    const checkNames = this.manifest.version >= 2;
    this.manifest.lessons.forEach((lesson, i) => {
      const own = checkNames ? this.ownNames(lesson) : new Set<string>();
      const allowed = allowedBlockTypes(lesson.toolbox);
      allowed.add('math_number').add('text');
      for (const { text, locale, at } of lessonTexts(lesson, i, this.steps)) {
        for (const bad of badBlockRefs(text)) this.problems.push(packError('pack-step-block-syntax', at, { text: showName(bad) }));
        for (const type of stepBlockTypes(text)) {
          if (!this.checkers.blockTypes.has(type)) this.problems.push(packError('pack-step-unknown-block', at, { type }));
          else if (!allowed.has(type)) {
            this.problems.push(packError('pack-step-block-not-in-toolbox', at, { type, label: blockLabel(type, locale), lesson: lesson.id }));
          }
        }
        if (!checkNames) continue;
        for (const name of unknownBlockNames(text, locale, this.checkers.blockTypes)) {
          if (!own.has(name.toLowerCase())) this.problems.push(packError('pack-step-block-name', at, { name: showName(name) }));
        }
      }
    });
  }

  /** Every image a step shows is one the app can show: its first bytes say PNG, JPEG, GIF or WebP. */
  private async checkImages(): Promise<void> {
    const max = IMAGE_LIMITS.maxImageBytes;
    for (const [image, step] of this.images) {
      const bytes = await readPackFile(this.root, image, max);
      const size = this.files.get(image) ?? 0;
      if (size > max) this.problems.push(packError('pack-image-too-large', { file: step }, { file: showName(image), max: formatBytes(max) }));
      else if (!bytes || !imageType(bytes)) this.problems.push(packError('pack-image-unsupported', { file: step }, { file: showName(image) }));
    }
  }

  /** Names the lesson's starter and solution give their variables and their own blocks (« le bloc « contourner » »). */
  private ownNames(lesson: Lesson): Set<string> {
    const names = new Set<string>();
    for (const file of [lesson.starter, lesson.solution]) {
      const project = file === undefined ? undefined : this.projects.get(file);
      if (project) for (const name of workspaceNames(project.workspace)) names.add(name.toLowerCase());
    }
    return names;
  }

  /** Goals may only name zones their world has. */
  private checkZones(): void {
    this.manifest.lessons.forEach((lesson, i) => {
      const challenge = lesson.challenge;
      const world = challenge && this.worlds.get(challenge.world);
      if (!challenge || !world) return;
      const names = new Set(world.zones.map((z) => z.name));
      for (const { zone, path } of goalZones(challenge.goal, `lessons[${i}].challenge.goal`)) {
        if (!names.has(zone)) {
          this.problems.push(packError('pack-goal-unknown-zone', { file: PACK_MANIFEST, path }, { zone: showName(zone), file: challenge.world }));
        }
      }
    });
  }
}
