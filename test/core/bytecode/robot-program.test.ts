import { describe, expect, it } from 'vitest';
import { planRobotProgram } from '../../../app/core/bytecode/robot-program';
import { PROGRAM_MAX_BYTES } from '../../../app/core/bytecode/format';
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';

const ROBOT = BUILT_IN_PROFILES['arduino-2wd'] as Profile;
const SERVO = BUILT_IN_PROFILES['servo-bot'] as Profile;

type Block = Record<string, unknown>;
const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
const stack = (...blocks: Block[]) => {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(next ? { next: { block: next } } : {}) }] } };
};
const move = (id: string, seconds = 1): Block => ({ type: 'robot_move', id, fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num(`${id}-s`, 50), SECONDS: num(`${id}-d`, seconds) } });
const say = (id: string, words: string): Block => ({ type: 'robokit_say', id, inputs: { TEXT: { shadow: { type: 'text', id: `${id}-t`, fields: { TEXT: words } } } } });
const line: Block = {
  type: 'robokit_wait_until',
  id: 'wait',
  inputs: { CONDITION: { block: { type: 'robot_line', id: 'line', fields: { SIDE: 'LEFT' } } } },
};

describe('planRobotProgram: what « Envoyer dans le robot » says before sending', () => {
  it('gives the image, its size of 896 and the say blocks skipped, each named with its words', () => {
    const plan = planRobotProgram(stack(say('hello', 'Bonjour'), move('go')), ROBOT);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.bytes).toBe(plan.image.length);
    expect(plan.max).toBe(PROGRAM_MAX_BYTES);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.skipped[0]).toMatchObject({ code: 'bytecode-say-skipped', blockId: 'hello' });
    expect(plan.skipped[0]!.message.fr).toMatch(/^Le bloc «\s?dire “Bonjour”\s?» sera sauté/);
    expect(plan.skipped[0]!.message.en).toMatch(/^The block "say “Bonjour”" will be skipped/);
  });

  it('refuses a program that only talks, naming its say block', () => {
    const plan = planRobotProgram(stack(say('first', 'Salut'), say('second', 'Au revoir')), ROBOT);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatchObject({ code: 'bytecode-say-only', blockId: 'first' });
    expect(plan.problems[0]!.message.fr).toMatch(/ne fait que parler \(bloc «\s?dire “Salut”\s?»\)/);
  });

  it('refuses a sensor the profile lacks with one sentence naming the block and the part', () => {
    const plan = planRobotProgram(stack(move('go'), line), SERVO);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toEqual([
      {
        code: 'bytecode-missing-part',
        blockId: 'line',
        message: {
          fr: expect.stringMatching(/^Le bloc «\s?ligne noire à gauche\s?» ne peut pas aller dans ce robot \(il lui manque\s?: capteurs de ligne\)/),
          en: expect.stringMatching(/^The block "dark line on the left" cannot go into this robot \(it has no line sensors\)/),
        },
      },
    ]);
    // The same program fits the robot that has line sensors.
    expect(planRobotProgram(stack(move('go'), line), ROBOT).ok).toBe(true);
  });

  it('refuses a program too big for the robot, with its size', () => {
    const moves = Array.from({ length: 200 }, (_, i) => move(`m${i}`, 1.5 + i));
    const plan = planRobotProgram(stack(...moves), ROBOT);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.bytes).toBeGreaterThan(PROGRAM_MAX_BYTES);
    expect(plan.problems[0]!.code).toBe('bytecode-too-big');
    expect(plan.problems[0]!.message.fr).toMatch(new RegExp(`Ton programme utilise ${plan.bytes} octets\\s?: le robot n’en garde que 896`));
  });

  it('names the block of a text value the robot cannot keep', () => {
    const setText: Block = { type: 'variables_set', id: 'set', fields: { VAR: { id: 'v' } }, inputs: { VALUE: { block: { type: 'text', id: 'txt', fields: { TEXT: 'a' } } } } };
    const workspace = { ...stack(setText, move('go')), variables: [{ id: 'v', name: 'mot' }] };
    const plan = planRobotProgram(workspace, ROBOT);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems[0]).toMatchObject({ code: 'bytecode-text', blockId: 'txt' });
    expect(plan.problems[0]!.message.fr).toMatch(/le bloc «\s?texte\s?» ne peut pas aller dans le robot/);
  });

  it('passes on the compiler’s own diagnostics (an empty slot) on their block', () => {
    const empty: Block = { type: 'robot_move', id: 'hole', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('sp', 50) } };
    const plan = planRobotProgram(stack(empty), ROBOT);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems[0]).toMatchObject({ blockId: 'hole', code: 'empty-input' });
  });
});
