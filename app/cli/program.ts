/** From a project file to a compiled program, or a clear bad-input error. */
import { compile } from '../core/compiler';
import type { Diagnostic } from '../core/compiler';
import { AppError } from '../core/errors';
import { localized } from '../core/i18n/messages';
import type { Program } from '../core/ir';
import { findProfile, type Profile } from '../core/profiles';
import type { Project } from '../core/project/project';
import { type Output } from './output';

export interface Compiled {
  readonly project: Project;
  readonly profile: Profile;
  readonly program: Program;
}

export function resolveProfile(id: string): Profile {
  const profile = findProfile(id);
  if (!profile) throw new AppError({ code: 'unknown-profile', params: { profile: id } });
  return profile;
}

/** Prints at most `max` diagnostics, French then English, naming the block. */
export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[], max = 3): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, max)) {
    const where = d.blockId ? ` [bloc ${d.blockId}]` : '';
    output.err(`robokit : ${d.message.fr}${where}`);
    output.err(`robokit: ${d.message.en}${d.blockId ? ` [block ${d.blockId}]` : ''}`);
  }
  if (errors.length > max) {
    const more = localized('cli-more-problems', { count: errors.length - max });
    output.err(`robokit : ${more.fr}`);
    output.err(`robokit: ${more.en}`);
  }
}

/** Compiles, or prints the diagnostics and returns null (the caller exits 2). */
export function compileProject(project: Project, profileId: string | undefined, output: Output): Compiled | null {
  const profile = resolveProfile(profileId ?? project.profile);
  const result = compile(project.workspace, { profile });
  if (!result.program || result.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(output, result.diagnostics);
    return null;
  }
  return { project, profile, program: result.program };
}
