/**
 * A lesson's starter and solution, checked as `robokit check` and « Vérifier » would take them, and
 * said to the pack's author (not to the child): blocks RoboKit does not know, blocks the lesson's
 * toolbox does not offer, a robot RoboKit does not know, a solution that cannot run. Each problem
 * is said once per file (a block used ten times is one sentence, with its count).
 */
import { allowedBlockTypes, surveyBlocks } from '../challenge/lesson-blocks';
import { compile } from '../compiler/compile';
import { findProfile } from '../profiles';
import type { Project } from '../project/project';
import { joinPath, PACK_MANIFEST, packError, showName, type PackError } from './pack-error';
import type { Lesson, PackManifest } from './types';

export function lessonProjectErrors(
  manifest: PackManifest,
  projects: ReadonlyMap<string, Project>,
  knownTypes: ReadonlySet<string>,
): PackError[] {
  const out: PackError[] = [];
  const said = new Set<string>();
  const say = (error: PackError) => {
    const key = `${error.code}|${JSON.stringify(error.params)}`;
    if (said.has(key)) return;
    said.add(key);
    out.push(error);
  };
  manifest.lessons.forEach((lesson, i) => {
    for (const role of ['starter', 'solution'] as const) {
      const file = lesson[role];
      const project = file === undefined ? undefined : projects.get(file);
      if (file !== undefined && project) for (const e of projectErrors(lesson, i, role, file, project, knownTypes)) say(e);
    }
  });
  return out;
}

function projectErrors(lesson: Lesson, index: number, role: 'starter' | 'solution', file: string, project: Project, knownTypes: ReadonlySet<string>): PackError[] {
  const survey = surveyBlocks(project.workspace, allowedBlockTypes(lesson.toolbox));
  const counts = new Map<string, number>();
  for (const block of survey.notAllowed) counts.set(block.type, (counts.get(block.type) ?? 0) + 1);
  const toolbox = `${PACK_MANIFEST} → ${joinPath(joinPath('lessons', index), 'toolbox')}`;
  const errors = [...counts].map(([type, count]) =>
    knownTypes.has(type)
      ? packError('pack-project-block-outside-toolbox', { file }, { type: showName(type, 60), lesson: showName(lesson.id), toolbox })
      : packError('pack-project-unknown-block', { file }, { type: showName(type, 60), count }),
  );
  if (errors.length > 0) return errors;
  const profile = findProfile(project.profile);
  if (!profile) return [packError('pack-project-unknown-robot', { file }, { profile: showName(project.profile) })];
  // A starter is the pupil's beginning: it may be unfinished, so its problems only warn.
  const severity = role === 'solution' ? 'error' : 'warning';
  return compile(project.workspace, { profile })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => packError('pack-project-cannot-run', { file }, { fr: d.message.fr, en: d.message.en }, { severity }));
}
