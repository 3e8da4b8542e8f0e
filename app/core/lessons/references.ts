/** The files a manifest names, with where it names them, so the loader can check each one. */
import { joinPath } from './pack-error';
import type { Lesson, PackManifest } from './types';

export type ReferenceKind = 'project' | 'markdown' | 'world';

export interface PackReference {
  readonly kind: ReferenceKind;
  /** Pack-relative path (schema-checked: relative, no `..`). */
  readonly file: string;
  /** JSON path in `pack.json`, e.g. `lessons[0].steps[1].file.fr`. */
  readonly path: string;
  readonly lessonIndex: number;
}

export function packReferences(manifest: PackManifest): PackReference[] {
  return manifest.lessons.flatMap((lesson, i) => lessonReferences(lesson, i));
}

function lessonReferences(lesson: Lesson, lessonIndex: number): PackReference[] {
  const base = joinPath('lessons', lessonIndex);
  const ref = (kind: ReferenceKind, file: string, path: string): PackReference => ({ kind, file, path, lessonIndex });
  const out = [ref('project', lesson.starter, joinPath(base, 'starter'))];
  lesson.steps.forEach((step, s) => {
    const stepPath = joinPath(joinPath(joinPath(base, 'steps'), s), 'file');
    out.push(ref('markdown', step.file.fr, joinPath(stepPath, 'fr')), ref('markdown', step.file.en, joinPath(stepPath, 'en')));
  });
  if (lesson.challenge) out.push(ref('world', lesson.challenge.world, joinPath(joinPath(base, 'challenge'), 'world')));
  if (lesson.solution) out.push(ref('project', lesson.solution, joinPath(base, 'solution')));
  return out;
}
