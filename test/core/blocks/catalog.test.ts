import { describe, expect, it } from 'vitest';
import { CATALOG, CATEGORIES, blockDefinitions, buildToolbox, catalogEntry, categoryOf } from '../../../app/core/blocks';
import type { BlockJson, ToolboxBlock, ToolboxCategory } from '../../../app/core/blocks';
import { BUILT_IN_PROFILES } from '../../../app/core/profiles';

/** SPEC §3, block vocabulary v1: the source of truth, copied by hand. */
const SPEC_CUSTOM: Record<string, { fields: Record<string, string[]>; inputs: string[]; statements: string[] }> = {
  robokit_start: { fields: {}, inputs: [], statements: [] },
  robot_move: { fields: { DIRECTION: ['FORWARD', 'BACKWARD'] }, inputs: ['SPEED', 'SECONDS'], statements: [] },
  robot_turn: { fields: { DIRECTION: ['LEFT', 'RIGHT'] }, inputs: ['DEGREES'], statements: [] },
  robot_motors: { fields: {}, inputs: ['LEFT', 'RIGHT'], statements: [] },
  robot_stop: { fields: {}, inputs: [], statements: [] },
  robot_led: { fields: { STATE: ['ON', 'OFF'] }, inputs: [], statements: [] },
  robot_beep: { fields: {}, inputs: ['FREQUENCY', 'SECONDS'], statements: [] },
  robot_pen: { fields: { STATE: ['UP', 'DOWN'] }, inputs: [], statements: [] },
  robot_distance: { fields: {}, inputs: [], statements: [] },
  robot_line: { fields: { SIDE: ['LEFT', 'RIGHT'] }, inputs: [], statements: [] },
  robot_light: { fields: {}, inputs: [], statements: [] },
  robot_button: { fields: {}, inputs: [], statements: [] },
  robokit_wait: { fields: {}, inputs: ['SECONDS'], statements: [] },
  robokit_wait_until: { fields: {}, inputs: ['CONDITION'], statements: [] },
  robokit_forever: { fields: {}, inputs: [], statements: ['DO'] },
  robokit_say: { fields: {}, inputs: ['TEXT'], statements: [] },
};
const SPEC_BUILTINS = [
  'controls_repeat_ext', 'controls_whileUntil', 'controls_if', 'logic_compare', 'logic_operation',
  'logic_negate', 'logic_boolean', 'math_number', 'math_arithmetic', 'math_random_int', 'text',
  'variables_get', 'variables_set', 'math_change', 'procedures_defnoreturn', 'procedures_callnoreturn',
];
const SPEC_TYPES = [...Object.keys(SPEC_CUSTOM), ...SPEC_BUILTINS];
/** Blocks added since SPEC §3, each with its reason. */
const ADDED_BLOCKS: Record<string, string> = {
  robokit_note: 'a note of the scale (do ré mi…) beside its hertz, the default of robot_beep’s FREQUENCY',
  robot_move_cm: 'for the youngest (issue #12): « avancer / reculer de N cm », a timed move with the profile’s calibration',
  robot_quarter_turn: 'for the youngest (issue #12): « tourner d’un quart de tour », a 90° turn',
};
const SPEC_VALUE_BLOCKS = ['robot_distance', 'robot_line', 'robot_light', 'robot_button'];
const NEEDS: Record<string, string> = {
  robot_move: 'motors', robot_turn: 'motors', robot_move_cm: 'motors', robot_quarter_turn: 'motors', robot_motors: 'motors', robot_stop: 'motors', robot_led: 'light',
  robot_beep: 'sound', robot_pen: 'pen', robot_distance: 'distance', robot_line: 'line', robot_light: 'lightSensor',
  robot_button: 'button',
};

function args(def: BlockJson): { type: string; name?: string; options?: [string, string][] }[] {
  return (def['args0'] ?? []) as { type: string; name?: string; options?: [string, string][] }[];
}

function toolboxBlocks(categories: readonly ToolboxCategory[]): ToolboxBlock[] {
  return categories.flatMap((c) => ('contents' in c ? c.contents : []));
}

function findToolboxBlock(type: string, toolbox = buildToolbox('fr')): ToolboxBlock | undefined {
  return toolboxBlocks(toolbox.contents).find((b) => b.type === type);
}

describe('the catalog covers SPEC §3', () => {
  it.each(SPEC_TYPES)('%s has an entry, a category, a toolbox entry and a compile rule', (type) => {
    const entry = catalogEntry(type);
    expect(entry, type).toBeDefined();
    const category = CATEGORIES.find((c) => c.id === entry!.category);
    expect(category).toBeDefined();
    expect(categoryOf(type)).toBe(category!.id);
    const fr = buildToolbox('fr').contents.find((c) => c.toolboxitemid === category!.id)!;
    if (entry!.toolbox.kind === 'dynamic') expect('custom' in fr && fr.custom).toBeTruthy();
    else expect(findToolboxBlock(type)).toBeDefined();
    const rule = entry!.compile;
    if (entry!.kind === 'hat') expect(rule).toBe('start-body');
    else if (entry!.kind === 'definition') expect(rule).toBe('procedure-definition');
    else expect(typeof rule).toBe('function');
  });

  it.each(SPEC_BUILTINS)('%s is marked as Blockly’s own', (type) => {
    expect(catalogEntry(type)!.definition).toBe('blockly-builtin');
  });

  it.each(Object.entries(SPEC_CUSTOM))('%s has French and English definitions with the SPEC names', (type, spec) => {
    const definition = catalogEntry(type)!.definition;
    expect(definition).not.toBe('blockly-builtin');
    if (definition === 'blockly-builtin') return;
    for (const def of [definition.fr, definition.en]) {
      expect(def.type).toBe(type);
      expect(def.message0.trim()).not.toBe('');
      expect(def.tooltip.trim()).not.toBe('');
      const placeholders = def.message0.match(/%\d+/g) ?? [];
      expect(placeholders.length).toBe(args(def).length);
      const fields = Object.fromEntries(args(def).filter((a) => a.type === 'field_dropdown').map((a) => [a.name, a.options!.map((o) => o[1]).sort()]));
      expect(fields).toEqual(Object.fromEntries(Object.entries(spec.fields).map(([k, v]) => [k, [...v].sort()])));
      expect(args(def).filter((a) => a.type === 'input_value').map((a) => a.name)).toEqual(spec.inputs);
      expect(args(def).filter((a) => a.type === 'input_statement').map((a) => a.name)).toEqual(spec.statements);
    }
    expect(definition.fr.message0).not.toBe(definition.en.message0);
    expect(definition.fr.tooltip).not.toBe(definition.en.tooltip);
  });

  it('has no entry outside SPEC §3 without a reason (new blocks must be added to this list)', () => {
    expect(CATALOG.map((e) => e.type).sort()).toEqual([...SPEC_TYPES, ...Object.keys(ADDED_BLOCKS)].sort());
  });

  it('gives each block the capability it needs', () => {
    for (const entry of CATALOG) expect(entry.capability, entry.type).toBe(NEEDS[entry.type] ?? null);
  });
});

describe('block shapes', () => {
  const fr = Object.fromEntries(blockDefinitions('fr').map((d) => [d.type, d]));

  it('robokit_start is a hat: next connection, no previous, no output', () => {
    expect(fr['robokit_start']).toHaveProperty('nextStatement', null);
    expect(fr['robokit_start']).not.toHaveProperty('previousStatement');
    expect(fr['robokit_start']).not.toHaveProperty('output');
  });

  it('sensor blocks are values, the other custom blocks statements', () => {
    for (const type of Object.keys(SPEC_CUSTOM)) {
      if (type === 'robokit_start') continue;
      if (SPEC_VALUE_BLOCKS.includes(type)) expect(fr[type], type).toHaveProperty('output');
      else expect(fr[type], type).toHaveProperty('previousStatement', null);
    }
  });

  it('blockDefinitions gives only custom blocks, in the asked language', () => {
    expect(blockDefinitions('en').map((d) => d.type).sort()).toEqual([...Object.keys(SPEC_CUSTOM), ...Object.keys(ADDED_BLOCKS)].sort());
    expect(blockDefinitions('en').find((d) => d.type === 'robot_move')!.message0).toMatch(/^%1 at/);
    expect(fr['robot_move']!.message0).toMatch(/^%1 à/);
  });
});

describe('buildToolbox', () => {
  it('puts a math_number shadow in every number input of a custom block', () => {
    for (const def of blockDefinitions('fr')) {
      for (const arg of args(def).filter((a) => a.type === 'input_value' && (a as { check?: string }).check === 'Number')) {
        const shadow = findToolboxBlock(def.type)?.inputs?.[arg.name!]?.shadow;
        // A beep's pitch defaults to a note of the scale, itself a number.
        expect(shadow?.type, `${def.type}.${arg.name}`).toBe(def.type === 'robot_beep' && arg.name === 'FREQUENCY' ? 'robokit_note' : 'math_number');
      }
    }
  });

  it('uses the sensible defaults', () => {
    const nums = (type: string) =>
      Object.fromEntries(Object.entries(findToolboxBlock(type)!.inputs ?? {}).map(([k, v]) => [k, v.shadow.fields['NUM']]));
    expect(nums('robot_move')).toEqual({ SPEED: 50, SECONDS: 2 });
    expect(nums('robot_turn')).toEqual({ DEGREES: 90 });
    expect(nums('robot_beep')).toEqual({ FREQUENCY: undefined, SECONDS: 0.5 });
    expect(findToolboxBlock('robot_beep')!.inputs!['FREQUENCY']!.shadow).toEqual({ type: 'robokit_note', fields: { NOTE: '440' } });
    expect(nums('robokit_wait')).toEqual({ SECONDS: 1 });
    expect(blockDefinitions('fr').find((d) => d.type === 'robot_move')!['args0']).toMatchObject([{ options: [['avancer', 'FORWARD'], ['reculer', 'BACKWARD']] }, {}, {}]);
    expect(blockDefinitions('fr').find((d) => d.type === 'robot_turn')!['args0']).toMatchObject([{ options: [['gauche', 'LEFT'], ['droite', 'RIGHT']] }, {}]);
    expect(findToolboxBlock('robokit_say', buildToolbox('en'))!.inputs!['TEXT']!.shadow).toEqual({ type: 'text', fields: { TEXT: 'Hello!' } });
  });

  it('names categories in the locale, with a colour, and Blockly’s dynamic categories', () => {
    const fr = buildToolbox('fr');
    expect(fr.kind).toBe('categoryToolbox');
    expect(fr.contents.map((c) => c.name)).toEqual(['Mouvement', 'Lumière et son', 'Capteurs', 'Contrôle', 'Logique', 'Maths', 'Texte', 'Variables', 'Mes blocs']);
    expect(buildToolbox('en').contents.map((c) => c.name)).toEqual(['Movement', 'Light & sound', 'Sensors', 'Control', 'Logic', 'Maths', 'Text', 'Variables', 'My blocks']);
    expect(fr.contents.filter((c) => 'custom' in c).map((c) => ('custom' in c ? c.custom : ''))).toEqual(['VARIABLE', 'PROCEDURE']);
    for (const c of CATEGORIES) expect(c.colour).toMatch(/^(#[0-9a-f]{6}|\d{1,3})$/);
    for (const c of CATEGORIES) expect(c.emoji.length > 0 && c.icon.length > 0).toBe(true);
  });

  it('hides blocks the profile cannot do', () => {
    const servo = buildToolbox('fr', { capabilities: BUILT_IN_PROFILES['servo-bot']!.capabilities });
    const types = toolboxBlocks(servo.contents).map((b) => b.type);
    expect(types).not.toContain('robot_pen');
    expect(types).not.toContain('robot_line');
    expect(types).not.toContain('robot_light');
    expect(types).toContain('robot_distance');
    expect(types).toContain('robot_move');
  });

  it('keeps only a lesson’s allowed blocks, plus the start block', () => {
    const toolbox = buildToolbox('en', { allowedTypes: ['robot_move', 'controls_repeat_ext', 'variables_get'] });
    expect(toolbox.contents.map((c) => c.name)).toEqual(['Movement', 'Control', 'Variables']);
    expect(toolboxBlocks(toolbox.contents).map((b) => b.type)).toEqual(['robot_move', 'robokit_start', 'controls_repeat_ext']);
  });

  it('applies both filters together', () => {
    const toolbox = buildToolbox('fr', { capabilities: ['motors'], allowedTypes: ['robot_pen', 'robot_stop'] });
    expect(toolboxBlocks(toolbox.contents).map((b) => b.type)).toEqual(['robot_stop', 'robokit_start']);
  });
});
