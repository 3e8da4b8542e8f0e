/**
 * The lesson half of the UI ⇄ host contract: the library of lesson cards, importing a pack, opening a
 * lesson (steps, toolbox, starter, world, challenge), checking it in the simulator, and the teacher's
 * solution. HostService delegates its lesson methods here.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { allowedBlockTypes, checkChallenge, DEFAULT_TIME_LIMIT_SECONDS, type ConditionResult } from '../../core/challenge';
import { goalTimeMs } from '../../core/challenge/verdict';
import { describePackError, type PackError } from '../../core/lessons/pack-error';
import type { Goal, GoalKey, Lesson } from '../../core/lessons/types';
import { BUILT_IN_PROFILES, findProfile, type Profile } from '../../core/profiles';
import { parseProject, type Project } from '../../core/project/project';
import { zoneLabel, type World } from '../../core/simulator/world';
import type {
  ChallengeSummary,
  CheckLessonRequest,
  ImportPackRequest,
  ImportPackResult,
  LessonCard,
  LessonConditionResult,
  LessonRef,
  LessonVerdict,
  OpenedLesson,
  PackProblem,
  TeacherNotesView,
} from '../../shared/api';
import { writeFileAtomic } from '../atomic-write';
import type { LoadedPack } from '../packs';
import { serializeProject } from '../project-store';
import { diagnosticToApiError } from '../to-api-error';
import { LessonLibrary } from './lesson-library';
import { PackUploads } from './pack-uploads';
import { stepViews } from './step-views';
import { teacherNotesView } from './teacher-notes';

export interface LessonServiceOptions {
  readonly dataDir: string;
  /** Folders of built-in packs. */
  readonly builtInDirs: readonly string[];
  /** Electron's open dialog for a `.robokitpack`; absent in the browser. */
  readonly choosePackPath?: () => Promise<string | null>;
  readonly uploads?: PackUploads;
}

/** Ids a saved lesson project may name: the pack schema's own patterns (they become folder names). */
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,39}(?:\.[a-z0-9][a-z0-9-]{0,39}){1,5}$/;
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class LessonService {
  readonly library: LessonLibrary;
  private readonly uploads: PackUploads;
  private readonly workDir: string;
  /** Worlds of opened lessons, by the id `run({world})` takes. */
  private readonly worlds = new Map<string, World>();
  /** Checks run one at a time: a flood of "Vérifier" cannot pile up simulations. */
  private checking: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LessonServiceOptions) {
    this.library = new LessonLibrary({ builtInDirs: options.builtInDirs, storeDir: join(options.dataDir, 'packs') });
    this.uploads = options.uploads ?? new PackUploads();
    this.workDir = join(options.dataDir, 'lessons');
  }

  listLessons(): Promise<LessonCard[]> {
    return this.library.cards();
  }

  async importPack(request: ImportPackRequest): Promise<ImportPackResult> {
    if (request.from === 'dialog') {
      if (!this.options.choosePackPath) throw new AppError({ code: 'feature-unavailable', params: { feature: 'dialog' } });
      const path = await this.options.choosePackPath();
      return path ? this.install(path, path.split(/[/\\]/).pop() ?? path) : { status: 'cancelled' };
    }
    const part = await this.uploads.append(request.name, request.base64, request.uploadId);
    if (request.more) return { status: 'partial', uploadId: part.uploadId, received: part.size };
    try {
      return await this.install(part.file, request.name);
    } finally {
      await this.uploads.discard(part.uploadId);
    }
  }

  async openLesson({ packId, lessonId }: LessonRef): Promise<OpenedLesson> {
    const { pack, lesson, card } = await this.library.find(packId, lessonId);
    const world = lesson.challenge ? (pack.worlds.get(lesson.challenge.world) ?? null) : null;
    const worldId = world ? lessonWorldId(packId, lessonId) : null;
    if (world && worldId) this.worlds.set(worldId, world);
    return {
      card,
      steps: await stepViews(pack, lesson),
      allowedTypes: [...allowedBlockTypes(lesson.toolbox)],
      starter: withLesson(projectAt(pack, lesson.starter), packId, lessonId),
      saved: await this.savedWork(packId, lessonId),
      world,
      worldId,
      challenge: lesson.challenge ? challengeSummary(lesson, world) : null,
      hasSolution: lesson.solution !== undefined,
    };
  }

  async checkLesson(request: CheckLessonRequest): Promise<LessonVerdict> {
    const { pack, lesson } = await this.library.find(request.packId, request.lessonId);
    const challenge = lesson.challenge;
    if (!challenge) throw new AppError({ code: 'challenge-none', params: { lesson: lesson.id } });
    const world = pack.worlds.get(challenge.world);
    if (!world) throw new AppError({ code: 'challenge-world-missing', params: { file: challenge.world } });
    const profile = this.profileFor(request.profile, pack, lesson);
    const run = this.checking.then(() =>
      checkChallenge(request.workspace, lesson, world, profile, { yieldToHost: () => new Promise((r) => setImmediate(r)) }),
    );
    this.checking = run.catch(() => undefined);
    const result = await run;
    return {
      passed: result.passed,
      stars: result.stars,
      timeMs: goalTimeMs(result),
      blockCount: result.blockCount,
      reason: result.reason,
      conditions: result.conditions.map(conditionView),
      diagnostics: result.diagnostics.map(diagnosticToApiError),
    };
  }

  async getLessonSolution({ packId, lessonId }: LessonRef): Promise<Project> {
    const { pack, lesson } = await this.library.find(packId, lessonId);
    if (!lesson.solution) throw new AppError({ code: 'lesson-no-solution' });
    return withLesson(projectAt(pack, lesson.solution), packId, lessonId);
  }

  /** The teacher notes of a lesson (empty for a version 1 pack's lesson). */
  async getTeacherNotes({ packId, lessonId }: LessonRef): Promise<TeacherNotesView> {
    const { lesson } = await this.library.find(packId, lessonId);
    return teacherNotesView(lesson);
  }

  /** The world of an opened lesson, for runs in the simulator. */
  world(id: string): World | undefined {
    return this.worlds.get(id);
  }

  /** Keeps the pupil's work on a lesson (called with every autosave of a lesson project). */
  async rememberWork(project: Project): Promise<void> {
    const ref = project.lesson;
    if (!ref || !PACK_ID.test(ref.pack) || !LESSON_ID.test(ref.lesson)) return;
    const dir = join(this.workDir, ref.pack);
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, `${ref.lesson}.robokit`), serializeProject(project));
  }

  /** Forgets the pupil's work on these lessons (a workshop's next family starts from the starter). */
  async forgetWork(refs: readonly { readonly pack: string; readonly lesson: string }[]): Promise<void> {
    for (const ref of refs) {
      if (!PACK_ID.test(ref.pack) || !LESSON_ID.test(ref.lesson)) continue;
      await rm(join(this.workDir, ref.pack, `${ref.lesson}.robokit`), { force: true });
    }
  }

  async shutdown(): Promise<void> {
    await this.uploads.discardAll();
  }

  private async savedWork(packId: string, lessonId: string): Promise<Project | null> {
    try {
      const parsed = parseProject(await readFile(join(this.workDir, packId, `${lessonId}.robokit`), 'utf8'));
      return parsed.ok && parsed.project.lesson?.pack === packId && parsed.project.lesson.lesson === lessonId ? parsed.project : null;
    } catch {
      return null;
    }
  }

  private async install(file: string, name: string): Promise<ImportPackResult> {
    const result = await this.library.install(file);
    if (!result.ok) return { status: 'refused', file: name, problems: result.errors.map(packProblem) };
    const { pack } = result;
    return {
      status: 'installed',
      packId: pack.id,
      title: pack.manifest.title,
      lessons: pack.manifest.lessons.length,
      warnings: pack.warnings.map(packProblem),
    };
  }

  /** The pupil's robot, else the starter's, else the simulator's. */
  private profileFor(requested: string | undefined, pack: LoadedPack, lesson: Lesson): Profile {
    const starter = pack.projects.get(lesson.starter)?.profile;
    return findProfile(requested ?? '') ?? findProfile(starter ?? '') ?? BUILT_IN_PROFILES.sim!;
  }
}

/** `lesson-<hash>`: a world id safe for the API, one per lesson. */
export function lessonWorldId(packId: string, lessonId: string): string {
  return `lesson-${createHash('sha256').update(`${packId}/${lessonId}`).digest('hex').slice(0, 20)}`;
}

function projectAt(pack: LoadedPack, file: string): Project {
  const project = pack.projects.get(file);
  // The loader refuses a pack whose starter or solution is missing or invalid.
  if (!project) throw new AppError({ code: 'lesson-pack-unknown', params: { pack: pack.id } });
  return project;
}

function withLesson(project: Project, pack: string, lesson: string): Project {
  return { ...project, lesson: { pack, lesson } };
}

function challengeSummary(lesson: Lesson, world: World | null): ChallengeSummary {
  const challenge = lesson.challenge!;
  const goal = challenge.goal;
  const zones = goalZones(goal).map((name) => {
    const zone = world?.zones.find((z) => z.name === name) ?? { type: 'circle' as const, x: 0, y: 0, radius: 0, name };
    return { fr: zoneLabel(zone, 'fr'), en: zoneLabel(zone, 'en') };
  });
  const within = 'all' in goal ? goal.all.find((g): g is { readonly withinSeconds: number } => 'withinSeconds' in g) : undefined;
  return {
    kinds: goalKinds(goal),
    ...(zones.length > 0 ? { zones } : {}),
    ...(within ? { withinSeconds: within.withinSeconds } : {}),
    timeLimitSeconds: challenge.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    ...(challenge.stars ? { stars: { three: challenge.stars.three, two: challenge.stars.two } } : {}),
  };
}

function goalKinds(goal: Goal): GoalKey[] {
  if ('all' in goal) return goal.all.flatMap((g) => ('all' in g ? goalKinds(g) : [goalKey(g)]));
  return [goalKey(goal)];
}

/** The zones a goal names, in order, each once. */
function goalZones(goal: Goal): string[] {
  const names: string[] = [];
  const visit = (g: Goal): void => {
    if ('all' in g) g.all.forEach(visit);
    else if ('any' in g) g.any.forEach(visit);
    else if ('reachZone' in g) names.push(g.reachZone);
    else if ('endInZone' in g) names.push(g.endInZone);
    else if ('avoidZone' in g) names.push(g.avoidZone);
    else if ('visitZonesInOrder' in g) names.push(...g.visitZonesInOrder);
  };
  visit(goal);
  return [...new Set(names)];
}

function goalKey(goal: Goal): GoalKey {
  return Object.keys(goal)[0] as GoalKey;
}

function conditionView(c: ConditionResult): LessonConditionResult {
  return {
    kind: c.kind,
    passed: c.passed,
    detail: c.detail,
    ...(c.conditions ? { conditions: c.conditions.map(conditionView) } : {}),
  };
}

function packProblem(e: PackError): PackProblem {
  const where = e.params.where;
  return {
    code: e.code,
    severity: e.severity,
    ...(typeof where === 'string' ? { where } : {}),
    message: { fr: describePackError(e, 'fr'), en: describePackError(e, 'en') },
  };
}
