/** From a project file to a compiled program, or a clear bad-input error. */
import { compile } from '../core/compiler';
import type { Diagnostic } from '../core/compiler';
import { AppError } from '../core/errors';
import { localized } from '../core/i18n/messages';
import type { Program } from '../core/ir';
import { findProfile, type Profile } from '../core/profiles';
import { PROFILE_FILE_EXTENSION, profileFromFile } from '../core/profile-file/profile-file';
import { defaultDataDir } from '../host/data-dir';
import { ProfileStore, readProfileFile } from '../host/profile-store';
import type { Project } from '../core/project/project';
import { type Output } from './output';

export interface Compiled {
  readonly project: Project;
  readonly profile: Profile;
  readonly program: Program;
}

/**
 * `--profile`: a built-in profile's id, a `.robokitprofile` file (a class's own robot, docs/profiles.md),
 * or the id of an own robot saved in RoboKit's data folder (the app's « Mon robot »).
 */
export async function resolveProfile(id: string): Promise<Profile> {
  const builtIn = findProfile(id);
  if (builtIn) return builtIn;
  if (id.endsWith(PROFILE_FILE_EXTENSION)) {
    const own = profileFromFile(await readProfileFile(id));
    if (own) return own;
  }
  const saved = await new ProfileStore(defaultDataDir()).find(id);
  if (!saved) throw new AppError({ code: 'unknown-profile', params: { profile: id } });
  return saved;
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
export async function compileProject(project: Project, profileId: string | undefined, output: Output): Promise<Compiled | null> {
  const profile = await resolveProfile(profileId ?? project.profile);
  const result = compile(project.workspace, { profile });
  if (!result.program || result.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(output, result.diagnostics);
    return null;
  }
  return { project, profile, program: result.program };
}
