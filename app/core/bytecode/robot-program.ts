/**
 * « Envoyer dans le robot », before anything is sent: the pupil's workspace compiled for the robot's
 * profile, then to bytecode (docs/bytecode.md). Either the image with its size and the blocks the
 * robot skips (`say`), or why it cannot go into the robot — one sentence per problem, naming the
 * block. Used by the app's host and by `robokit upload`, so both say the same. Pure.
 */
import { blockLabels } from '../blocks/block-labels';
import { catalogEntry } from '../blocks/catalog';
import { compile } from '../compiler/compile';
import { asRecord, forEachChild, ownArray, ownRecord, ownString, type JsonRecord } from '../compiler/raw';
import { CAPABILITY_NAMES } from '../i18n/capability-names';
import { localized, type Localized, type MessageCode, type MessageParams } from '../i18n/messages';
import type { Capability } from '../ir';
import type { Profile } from '../profiles';
import { compileBytecode, onlyTalks, sayProblem, type BytecodeOptions, type BytecodeProblem } from './compile-bytecode';
import { PROGRAM_MAX_BYTES } from './format';

export interface RobotProgramNote {
  readonly code: MessageCode;
  /** The block to mark in the editor, when there is one. */
  readonly blockId: string | null;
  readonly message: Localized;
}

export type RobotProgramPlan =
  | {
      readonly ok: true;
      readonly image: Uint8Array;
      readonly bytes: number;
      readonly max: number;
      /** Blocks left out on the robot, to tell the pupil before sending. */
      readonly skipped: readonly RobotProgramNote[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly RobotProgramNote[];
      /** The image's size, when it was built but does not fit. */
      readonly bytes?: number;
      readonly max: number;
    };

/** A `say` block's own words shown beside its name, cut short. */
const SAID_MAX = 30;

/** Every block of the workspace by id (iterative: a very deep program cannot overflow the stack). */
function blocksById(workspace: unknown): Map<string, JsonRecord> {
  const found = new Map<string, JsonRecord>();
  const stack: unknown[] = [...(ownArray(ownRecord(asRecord(workspace), 'blocks'), 'blocks') ?? [])];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const block = asRecord(stack.pop());
    if (block === undefined || seen.has(block)) continue;
    seen.add(block);
    const id = ownString(block, 'id');
    if (id !== undefined && !found.has(id)) found.set(id, block);
    forEachChild(block, (child) => stack.push(child));
  }
  return found;
}

function blockName(block: JsonRecord | undefined, said?: string): Localized {
  const type = block ? (ownString(block, 'type') ?? '') : '';
  const label = blockLabels(type);
  if (said === undefined) return label;
  const short = said.length > SAID_MAX ? `${said.slice(0, SAID_MAX - 1)}…` : said;
  return { fr: `${label.fr.replace(/\s*…$/, '')} “${short}”`, en: `${label.en.replace(/\s*…$/, '')} “${short}”` };
}

function note(problem: BytecodeProblem, blocks: ReadonlyMap<string, JsonRecord>): RobotProgramNote {
  const block = problem.blockId === null ? undefined : blocks.get(problem.blockId);
  const { text, capability, ...rest } = problem.params ?? {};
  const params: Record<string, MessageParams[string]> = { ...rest, block: blockName(block, typeof text === 'string' ? text : undefined) };
  if (typeof capability === 'string' && capability in CAPABILITY_NAMES) params['capability'] = CAPABILITY_NAMES[capability as Capability];
  return { code: problem.code, blockId: problem.blockId, message: localized(problem.code, params) };
}

/** What the compiler refused, as sentences: a part the robot lacks names the block too. */
function compileProblems(diagnostics: ReturnType<typeof compile>['diagnostics'], blocks: ReadonlyMap<string, JsonRecord>): RobotProgramNote[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const block = d.blockId === null ? undefined : blocks.get(d.blockId);
      const capability = block ? catalogEntry(ownString(block, 'type') ?? '')?.capability : null;
      if (d.code === 'not-on-profile' && capability) {
        return note({ code: 'bytecode-missing-part', blockId: d.blockId, params: { capability } }, blocks);
      }
      return { code: d.code, blockId: d.blockId, message: d.message };
    });
}

export function planRobotProgram(workspace: unknown, profile: Profile, options: BytecodeOptions = {}): RobotProgramPlan {
  const compiled = compile(workspace, { profile });
  const blocks = blocksById(workspace);
  if (!compiled.program || compiled.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, problems: compileProblems(compiled.diagnostics, blocks), max: PROGRAM_MAX_BYTES };
  }
  const talker = onlyTalks(compiled.program);
  if (talker) {
    return { ok: false, problems: [note(sayProblem(talker, 'bytecode-say-only'), blocks)], max: PROGRAM_MAX_BYTES };
  }
  const result = compileBytecode(compiled.program, profile, options);
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map((p) => note(p, blocks)),
      ...(result.bytes !== undefined ? { bytes: result.bytes } : {}),
      max: PROGRAM_MAX_BYTES,
    };
  }
  return { ok: true, image: result.image, bytes: result.image.length, max: PROGRAM_MAX_BYTES, skipped: result.skipped.map((p) => note(p, blocks)) };
}
