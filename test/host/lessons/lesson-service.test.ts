/**
 * The lesson methods of the UI ⇄ host contract, through a real HostService (real pack loader,
 * compiler and simulator): the library's cards, importing packs as bytes (in one piece and in
 * parts, hostile ones refused with a code and nothing installed), opening a lesson, checking it,
 * the solution, and the pupil's work coming back.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createHostService } from '../../../app/host/create-host';
import { defaultSeams } from '../../../app/host/default-seams';
import { LessonService, lessonWorldId, PackUploads } from '../../../app/host/lessons';
import { buildPack } from '../../../app/host/packs';
import { ApiError, type ImportPackResult, type RobokitApi } from '../../../app/shared/api';
import { createRequestValidator } from '../../../app/shared/api-validate';
import { createDispatcher } from '../../../app/host/dispatch';
import { instantWall, tempDir } from '../helpers';
import { zipFolder } from './zip-folder';

const REPO = resolve(import.meta.dirname, '../../..');
const MINI = join(REPO, 'test/fixtures/packs/mini');
const MINI_ID = 'fr.robokit.test-mini';

async function host(options: { lessonDirs?: string[]; dataDir?: string } = {}) {
  const dataDir = options.dataDir ?? (await tempDir());
  const service = createHostService({
    dataDir,
    info: { version: 'test', host: 'serve', fileDialogs: false },
    seams: defaultSeams({ wall: instantWall }),
    timers: { delay: () => Promise.resolve() },
    lessonDirs: options.lessonDirs ?? [],
  });
  return { service, dataDir };
}

async function builtMini(): Promise<Buffer> {
  const out = join(await tempDir(), 'mini.robokitpack');
  const built = await buildPack(MINI, out);
  if (!built.ok) throw new Error('mini pack does not build');
  return readFile(out);
}

async function importBytes(api: RobokitApi, name: string, bytes: Buffer): Promise<ImportPackResult> {
  return api.importPack({ from: 'bytes', name, base64: bytes.toString('base64') });
}

const num = (id: string, value: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: value } } });
/** Forward at 50 % (15 cm/s) for 9 s: from x = 20 into the finish zone (150…190) within 10 s. */
const DRIVE_TO_FINISH = {
  blocks: {
    languageVersion: 0,
    blocks: [
      {
        type: 'robokit_start',
        id: 'start',
        next: { block: { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('speed', 50), SECONDS: num('s', 9) } } },
      },
    ],
  },
};

describe('listLessons', () => {
  test('cards of the built-in packs: title, ages, minutes, mode, tags, profiles', async () => {
    const { service } = await host({ lessonDirs: [join(REPO, 'lessons')] });
    const cards = await service.listLessons();
    const packs = new Set(cards.map((c) => c.packId));
    expect(packs.size).toBeGreaterThanOrEqual(3);
    const first = cards.find((c) => c.packId === 'fr.robokit.premiers-pas' && c.lessonId === 'avancer');
    expect(first).toMatchObject({ title: { fr: 'Avancer', en: 'Moving forward' }, mode: 'solo', source: 'built-in', hasChallenge: true });
    expect(first!.ages).toEqual([7, 11]);
    expect(first!.minutes).toBeGreaterThan(0);
    expect(first!.tags).toContain('premiers-pas');
    expect(cards.filter((c) => c.mode === 'parent-child').length).toBeGreaterThanOrEqual(6);
  });

  test('no built-in folder and an empty store: no cards', async () => {
    const { service } = await host();
    expect(await service.listLessons()).toEqual([]);
  });
});

describe('importPack', () => {
  test('a built .robokitpack as bytes: installed into the store, then listed as installed', async () => {
    const { service, dataDir } = await host();
    const result = await importBytes(service, 'mini.robokitpack', await builtMini());
    expect(result).toMatchObject({ status: 'installed', packId: MINI_ID, lessons: 1, title: { fr: 'Mini pack de test' } });
    expect(await readdir(join(dataDir, 'packs'))).toEqual([MINI_ID]);
    const cards = await service.listLessons();
    expect(cards.map((c) => [c.packId, c.lessonId, c.source])).toEqual([[MINI_ID, 'avancer', 'installed']]);
  });

  test('in parts: each part but the last answers partial; the upload folder is removed after', async () => {
    const uploadsDir = await tempDir('robokit-uploads-');
    const lessons = new LessonService({ dataDir: await tempDir(), builtInDirs: [], uploads: new PackUploads({ tmpDir: uploadsDir }) });
    const bytes = await builtMini();
    const cut = Math.floor(bytes.length / 3 / 3) * 3;
    const parts = [bytes.subarray(0, cut), bytes.subarray(cut, 2 * cut), bytes.subarray(2 * cut)];
    const first = await lessons.importPack({ from: 'bytes', name: 'mini.robokitpack', base64: parts[0]!.toString('base64'), more: true });
    expect(first).toMatchObject({ status: 'partial', received: cut });
    const uploadId = (first as { uploadId: string }).uploadId;
    expect(await readdir(uploadsDir)).toHaveLength(1);
    const second = await lessons.importPack({ from: 'bytes', name: 'mini.robokitpack', base64: parts[1]!.toString('base64'), uploadId, more: true });
    expect(second).toMatchObject({ status: 'partial', uploadId, received: 2 * cut });
    const last = await lessons.importPack({ from: 'bytes', name: 'mini.robokitpack', base64: parts[2]!.toString('base64'), uploadId });
    expect(last).toMatchObject({ status: 'installed', packId: MINI_ID });
    expect(await readdir(uploadsDir)).toEqual([]);
  });

  test('random bytes: refused with a code and the file name, nothing installed', async () => {
    const { service, dataDir } = await host();
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const result = await importBytes(service, 'cadeau.robokitpack', noise);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.file).toBe('cadeau.robokitpack');
    expect(result.problems[0]).toMatchObject({ code: 'pack-not-zip', severity: 'error' });
    expect(result.problems[0]!.message.fr).toContain('cadeau.robokitpack');
    expect(result.problems[0]!.message.fr).toMatch(/n’est pas un pack de leçons/);
    expect((await readdir(join(dataDir, 'packs'))).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await service.listLessons()).toEqual([]);
  });

  test('a pack with a broken manifest: refused with the JSON path in pack.json', async () => {
    const dir = await tempDir();
    const pack = join(dir, 'pack');
    await mkdir(pack);
    await cp(MINI, pack, { recursive: true });
    const manifest = JSON.parse(await readFile(join(pack, 'pack.json'), 'utf8')) as { lessons: { minutes: unknown }[] };
    manifest.lessons[0]!.minutes = 'beaucoup';
    await writeFile(join(pack, 'pack.json'), JSON.stringify(manifest));
    const { service } = await host();
    const result = await importBytes(service, 'casse.robokitpack', await zipFolder(pack));
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.problems.some((p) => p.where?.includes('pack.json') && p.where.includes('lessons[0].minutes'))).toBe(true);
  });

  test('over the size limit: refused before anything is kept', async () => {
    const uploadsDir = await tempDir('robokit-uploads-');
    const lessons = new LessonService({ dataDir: await tempDir(), builtInDirs: [], uploads: new PackUploads({ tmpDir: uploadsDir, maxBytes: 1000 }) });
    const part = Buffer.alloc(600).toString('base64');
    const first = await lessons.importPack({ from: 'bytes', name: 'gros.robokitpack', base64: part, more: true });
    const uploadId = (first as { uploadId: string }).uploadId;
    await expect(lessons.importPack({ from: 'bytes', name: 'gros.robokitpack', base64: part, uploadId })).rejects.toMatchObject({ code: 'pack-upload-too-large' });
    expect(await readdir(uploadsDir)).toEqual([]);
    await expect(lessons.importPack({ from: 'bytes', name: 'gros.robokitpack', base64: part, uploadId })).rejects.toMatchObject({ code: 'pack-upload-lost' });
  });

  test('from a dialog without dialogs (browser): feature-unavailable', async () => {
    const { service } = await host();
    await expect(service.importPack({ from: 'dialog' })).rejects.toMatchObject({ code: 'feature-unavailable' });
  });
});

describe('openLesson, checkLesson, getLessonSolution', () => {
  async function withMini() {
    const h = await host();
    await importBytes(h.service, 'mini.robokitpack', await builtMini());
    return h;
  }

  test('open: sanitised steps in both languages with the image inlined, toolbox, starter, world, challenge', async () => {
    const { service } = await withMini();
    const lesson = await service.openLesson({ packId: MINI_ID, lessonId: 'avancer' });
    expect(lesson.card.title.fr).toBe('Avancer jusqu’à l’arrivée');
    expect(lesson.steps).toHaveLength(2);
    expect(lesson.steps[0]!.html.fr).toContain('<strong>avancer</strong>');
    expect(lesson.steps[0]!.html.en).toContain('<strong>move forward</strong>');
    expect(lesson.steps[0]!.html.fr).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Le robot">/);
    expect(lesson.steps[0]!.hint?.fr).toBe('Le bloc « avancer » est dans Mouvement.');
    expect(lesson.steps[1]!.hint).toBeUndefined();
    expect(lesson.steps[1]!.html.fr).toContain('rel="noopener noreferrer"');
    expect([...lesson.allowedTypes].sort()).toEqual(['controls_repeat_ext', 'math_number', 'robokit_start', 'robokit_wait', 'robot_move', 'robot_stop', 'robot_turn']);
    expect(lesson.starter.lesson).toEqual({ pack: MINI_ID, lesson: 'avancer' });
    expect(lesson.saved).toBeNull();
    expect(lesson.world?.zones.map((z) => z.name)).toEqual(['arrivee']);
    expect(lesson.worldId).toBe(lessonWorldId(MINI_ID, 'avancer'));
    expect(lesson.challenge).toEqual({
      kinds: ['reachZone', 'neverTouchWall', 'withinSeconds'],
      // The mini pack's zone has no label: its id « arrivee » is shown by its usual name.
      zones: [{ fr: 'Arrivée', en: 'Finish' }],
      withinSeconds: 10,
      timeLimitSeconds: 20,
      stars: { three: 2, two: 4 },
    });
    expect(lesson.hasSolution).toBe(true);
  });

  test('the lesson world can be run in once the lesson is open', async () => {
    const { service } = await withMini();
    const { worldId } = await service.openLesson({ packId: MINI_ID, lessonId: 'avancer' });
    expect((await service.getWorld({ id: worldId! })).name.fr).toBe('Couloir');
    expect((await service.listWorlds()).some((w) => w.id === worldId)).toBe(false);
  });

  test('check: the solution passes with ★★★; the starter does not, with kind advice', async () => {
    const { service } = await withMini();
    const pass = await service.checkLesson({ packId: MINI_ID, lessonId: 'avancer', workspace: DRIVE_TO_FINISH });
    expect(pass).toMatchObject({ passed: true, stars: 3, blockCount: 1, diagnostics: [] });
    expect(pass.conditions.map((c) => [c.kind, c.passed])).toEqual([['reachZone', true], ['neverTouchWall', true], ['withinSeconds', true]]);
    const starter = (await service.openLesson({ packId: MINI_ID, lessonId: 'avancer' })).starter;
    const fail = await service.checkLesson({ packId: MINI_ID, lessonId: 'avancer', workspace: starter.workspace });
    expect(fail.passed).toBe(false);
    expect(fail.stars).toBe(0);
    const missed = fail.conditions.find((c) => c.kind === 'reachZone')!;
    expect(missed.passed).toBe(false);
    expect(missed.detail.fr.length).toBeGreaterThan(10);
  });

  test('check: a block outside the lesson is named on its block', async () => {
    const { service } = await withMini();
    const workspace = {
      blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', next: { block: { type: 'robot_led', id: 'led', fields: { STATE: 'ON' } } } }] },
    };
    const verdict = await service.checkLesson({ packId: MINI_ID, lessonId: 'avancer', workspace });
    expect(verdict.passed).toBe(false);
    expect(verdict.diagnostics[0]).toMatchObject({ code: 'challenge-block-not-allowed', blockId: 'led' });
    expect(verdict.diagnostics[0]!.message?.fr).toContain('robot_led');
  });

  test('solution for the teacher; unknown pack or lesson: a code the teacher can act on', async () => {
    const { service } = await withMini();
    const project = await service.getLessonSolution({ packId: MINI_ID, lessonId: 'avancer' });
    expect(JSON.stringify(project.workspace)).toContain('robot_move');
    expect(project.lesson).toEqual({ pack: MINI_ID, lesson: 'avancer' });
    await expect(service.openLesson({ packId: 'fr.nulle.part', lessonId: 'avancer' })).rejects.toMatchObject({ code: 'lesson-pack-unknown' });
    await expect(service.openLesson({ packId: MINI_ID, lessonId: 'voler' })).rejects.toMatchObject({ code: 'lesson-unknown' });
    await expect(service.getLessonSolution({ packId: MINI_ID, lessonId: 'voler' })).rejects.toMatchObject({ code: 'lesson-unknown' });
  });

  test('teacher notes: a version 2 lesson’s notes as HTML in both languages, with French typography and blocks as placeholders', async () => {
    const { service } = await host({ lessonDirs: [join(REPO, 'lessons')] });
    const notes = await service.getTeacherNotes({ packId: 'fr.robokit.premiers-pas', lessonId: 'avancer' });
    expect(notes.objectives.map((o) => o.cycle)).toEqual([2, 2]);
    // French typography: a no-break space (&nbsp; once serialised) before the colon and inside « ».
    expect(notes.objectives[0]!.html.fr).toMatch(/^<p>Espace et géométrie&nbsp;: se repérer/);
    expect(notes.objectives[0]!.html.en).toMatch(/^<p>Space and geometry: /);
    expect(notes.phases.map((p) => p.minutes)).toEqual([8, 7, 10, 5]);
    expect(notes.phases[0]!.html.fr).toContain('Débranché&nbsp;: le robot humain');
    expect(notes.unplugged?.fr).toContain('(«&nbsp;avance de 3 pas&nbsp;»)');
    expect(notes.debrief).toHaveLength(2);
    expect(notes.mistakes).toHaveLength(3);
    expect(notes.prerequisites).toHaveLength(1);
    expect(notes.easier?.fr).toContain('5 bandes');
    expect(notes.harder?.en).toContain('driving backwards');
    const withBlocks = await service.getTeacherNotes({ packId: 'fr.robokit.le-robot-qui-decide', lessonId: 'une-variable' });
    expect(withBlocks.mistakes.map((m) => m.fr).join('')).toMatch(/<span class="robokit-block robokit-block-variables_set">[^<]+<\/span>/);
  });

  test('teacher notes of a version 1 lesson are empty; an unknown lesson is refused', async () => {
    const { service } = await withMini();
    expect(await service.getTeacherNotes({ packId: MINI_ID, lessonId: 'avancer' })).toEqual({ objectives: [], prerequisites: [], phases: [], debrief: [], mistakes: [] });
    await expect(service.getTeacherNotes({ packId: MINI_ID, lessonId: 'voler' })).rejects.toMatchObject({ code: 'lesson-unknown' });
  });

  test('the pupil’s autosaved work on a lesson comes back when she opens it again', async () => {
    const { service, dataDir } = await withMini();
    const opened = await service.openLesson({ packId: MINI_ID, lessonId: 'avancer' });
    const work = { ...opened.starter, name: 'Mon essai', workspace: DRIVE_TO_FINISH };
    await service.autosave({ project: work });
    const again = await (await host({ dataDir })).service.openLesson({ packId: MINI_ID, lessonId: 'avancer' });
    expect(again.saved?.name).toBe('Mon essai');
    expect(JSON.stringify(again.saved?.workspace)).toContain('robot_move');
  });

  test('a project naming a pack id that is a path is not kept as lesson work', async () => {
    const { service, dataDir } = await withMini();
    const opened = await service.openLesson({ packId: MINI_ID, lessonId: 'avancer' });
    await service.autosave({ project: { ...opened.starter, lesson: { pack: '../../evil', lesson: 'x' } } });
    expect(await readdir(dataDir)).not.toContain('evil');
    expect(await readdir(join(dataDir, 'lessons')).catch(() => [])).toEqual([]);
  });
});

describe('through the dispatcher (both transports)', () => {
  const call = async (method: string, params: unknown) => {
    const { service } = await host();
    return createDispatcher(service, createRequestValidator(), () => undefined)(method, params);
  };

  test('bad ids, paths, extra fields and non-base64 are refused by the schemas', async () => {
    for (const [method, params] of [
      ['openLesson', { packId: '../etc', lessonId: 'a' }],
      ['openLesson', { packId: 'fr.a.b', lessonId: 'A B' }],
      ['getLessonSolution', { packId: 'fr.a.b' }],
      ['checkLesson', { packId: 'fr.a.b', lessonId: 'a', workspace: [] }],
      ['importPack', { from: 'bytes', name: 'x', base64: '<script>' }],
      ['importPack', { from: 'bytes', name: 'x', base64: 'AAAA', uploadId: '../../x' }],
      ['importPack', { from: 'path', path: '/etc/passwd' }],
      ['listLessons', { all: true }],
    ] as const) {
      const envelope = await call(method, params);
      expect(envelope, `${method} ${JSON.stringify(params)}`).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  test('an unknown lesson crosses as its code', async () => {
    const envelope = await call('openLesson', { packId: 'fr.a.b', lessonId: 'a' });
    expect(envelope).toEqual({ ok: false, error: { code: 'lesson-pack-unknown', messageKey: 'lesson-pack-unknown', params: { pack: 'fr.a.b' } } });
  });

  test('a client gets ApiError-shaped data', () => {
    expect(new ApiError({ code: 'lesson-no-solution', messageKey: 'lesson-no-solution', params: {} }).data.code).toBe('lesson-no-solution');
  });
});
