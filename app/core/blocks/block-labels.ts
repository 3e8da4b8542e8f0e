/**
 * What each block is called, in words, as RoboKit draws it: for messages that name a block (never its
 * type), for `{{block:TYPE}}` in lesson steps when the picture cannot be drawn, and for `pack validate`
 * to tell whether a step's « le bloc … » names a block that exists.
 *
 * A label variant is the block's text with every value slot written `…` and every dropdown written as
 * one of its choices (« avancer … à … % pendant … s », « reculer … à … % pendant … s »). Custom blocks'
 * variants come from their definitions; Blockly's own blocks' from `BUILTIN_LABELS`, which match the
 * words the editor shows (`blockly-messages.ts` sets them).
 */
import type { Locale, Localized } from '../i18n/messages';
import { catalogEntry } from './catalog';
import type { BlockJson } from './types';

interface BuiltinLabel {
  /** The short name messages use. */
  readonly name: Localized;
  readonly variants: { readonly fr: readonly string[]; readonly en: readonly string[] };
}

const same = (name: Localized, fr: readonly string[], en: readonly string[]): BuiltinLabel => ({ name, variants: { fr, en } });

/** Blockly's own blocks, as `blockly-messages.ts` makes the editor show them. */
export const BUILTIN_LABELS: Readonly<Record<string, BuiltinLabel>> = {
  controls_repeat_ext: same({ fr: 'répéter … fois', en: 'repeat … times' }, ['répéter … fois'], ['repeat … times']),
  controls_whileUntil: same(
    { fr: 'répéter tant que …', en: 'repeat while …' },
    ['répéter tant que …', 'répéter jusqu’à …'],
    ['repeat while …', 'repeat until …'],
  ),
  controls_if: same({ fr: 'si … alors', en: 'if … then' }, ['si … alors …', 'sinon si … alors …', 'sinon …'], ['if … then …', 'else if … then …', 'else …']),
  logic_compare: same({ fr: 'comparer', en: 'compare' }, ['… = …', '… ≠ …', '… < …', '… ≤ …', '… > …', '… ≥ …', 'comparer'], ['… = …', '… ≠ …', '… < …', '… ≤ …', '… > …', '… ≥ …', 'compare']),
  logic_operation: same({ fr: '… et …', en: '… and …' }, ['… et …', '… ou …'], ['… and …', '… or …']),
  logic_negate: same({ fr: 'non …', en: 'not …' }, ['non …'], ['not …']),
  logic_boolean: same({ fr: 'vrai', en: 'true' }, ['vrai', 'faux'], ['true', 'false']),
  math_number: same({ fr: 'nombre', en: 'number' }, ['nombre'], ['number']),
  math_arithmetic: same({ fr: 'calcul', en: 'sum' }, ['… + …', '… − …', '… × …', '… ÷ …', '… ^ …', 'calcul'], ['… + …', '… − …', '… × …', '… ÷ …', '… ^ …', 'sum']),
  math_random_int: same({ fr: 'nombre au hasard entre … et …', en: 'random number from … to …' }, ['nombre au hasard entre … et …'], ['random number from … to …']),
  text: same({ fr: 'texte', en: 'text' }, ['texte', '« … »'], ['text', '“…”']),
  variables_get: same({ fr: 'variable', en: 'variable' }, ['variable'], ['variable']),
  variables_set: same({ fr: 'mettre … à …', en: 'set … to …' }, ['mettre … à …'], ['set … to …']),
  math_change: same({ fr: 'ajouter … à …', en: 'add … to …' }, ['ajouter … à …'], ['add … to …']),
  procedures_defnoreturn: same({ fr: 'créer le bloc …', en: 'make a block …' }, ['créer le bloc …'], ['make a block …']),
  procedures_callnoreturn: same({ fr: 'mon bloc', en: 'my block' }, ['mon bloc'], ['my block']),
};

type Args = readonly Readonly<Record<string, unknown>>[];

/** Every text the block can show, slots as `…`, dropdowns expanded (at most a few dozen). */
function customVariants(def: BlockJson): string[] {
  const args = (def.args0 as Args | undefined) ?? [];
  let variants = [''];
  const parts = def.message0.split(/(%%|%\d+)/);
  for (const part of parts) {
    const slot = /^%(\d+)$/.exec(part);
    if (part === '%%') variants = variants.map((v) => v + '%');
    else if (!slot) variants = variants.map((v) => v + part);
    else {
      const arg = args[Number(slot[1]) - 1];
      if (arg?.type === 'field_dropdown') {
        const labels = (arg.options as readonly (readonly [string, string])[]).map(([label]) => label);
        variants = variants.flatMap((v) => labels.map((l) => v + l));
      } else if (arg?.type === 'input_value') variants = variants.map((v) => v + '…');
      // statement inputs and dummies show nothing
    }
  }
  return variants.map((v) => v.replace(/[ \t\n]+/g, ' ').trim());
}

/** Every text the block of `type` can show in `locale`, or none for an unknown type. */
export function labelVariants(type: string, locale: Locale): readonly string[] {
  const entry = catalogEntry(type);
  if (!entry) return [];
  if (entry.definition === 'blockly-builtin') return BUILTIN_LABELS[type]?.variants[locale] ?? [];
  return customVariants(entry.definition[locale]);
}

/** The block's name for messages and pictures' fallback text; the type itself for an unknown block. */
export function blockLabel(type: string, locale: Locale): string {
  const entry = catalogEntry(type);
  if (entry?.definition === 'blockly-builtin') return BUILTIN_LABELS[type]?.name[locale] ?? type;
  return labelVariants(type, locale)[0] ?? type;
}

export function blockLabels(type: string): Localized {
  return { fr: blockLabel(type, 'fr'), en: blockLabel(type, 'en') };
}

/** Words that stand for a value: numbers (« 0,5 », « 90 »), a slot, or units after them. */
const VALUE_TOKEN = /^(?:[−-]?\d+(?:[.,]\d+)?|…|\.\.\.|%|s|°|hz|cm)$/;

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/['’]/g, '’ ')
    .replace(/(\d)\s*([%°])/g, '$1 $2')
    .replace(/[«»“”"()!?;:,.](?!\d)/g, ' ')
    .split(/[\s\u00a0\u202f]+/)
    .filter((t) => t !== '');
}

/**
 * True when `name` (as written in a step: « avancer », « répéter … fois », « si … alors ») is a run
 * of one variant's words: the name may leave out values and stop early, but not skip or change a word.
 */
export function nameMatchesVariant(name: string, variant: string): boolean {
  const words = tokens(name).filter((t) => !VALUE_TOKEN.test(t));
  if (words.length === 0) return true;
  const label = tokens(variant);
  for (let start = 0; start < label.length; start++) {
    let i = start;
    let ok = true;
    for (const word of words) {
      while (i < label.length && label[i] !== word && VALUE_TOKEN.test(label[i]!)) i++;
      if (label[i] !== word) {
        ok = false;
        break;
      }
      i++;
    }
    if (ok) return true;
  }
  return false;
}

/** True when some block of `types` (default: every catalog block) shows `name` in `locale`. */
export function namesABlock(name: string, locale: Locale, types: Iterable<string>): boolean {
  for (const type of types) {
    if (labelVariants(type, locale).some((v) => nameMatchesVariant(name, v))) return true;
  }
  return false;
}

/** What a block's inputs and fields are called in messages (« Il manque la durée dans le bloc … »). */
const SLOT_LABELS: Readonly<Record<string, Localized>> = {
  SPEED: { fr: 'la vitesse', en: 'the speed' },
  SECONDS: { fr: 'la durée', en: 'the duration' },
  DEGREES: { fr: 'l’angle', en: 'the angle' },
  LEFT: { fr: 'la vitesse du moteur gauche', en: 'the left motor’s speed' },
  RIGHT: { fr: 'la vitesse du moteur droit', en: 'the right motor’s speed' },
  FREQUENCY: { fr: 'la note', en: 'the note' },
  NOTE: { fr: 'la note', en: 'the note' },
  CONDITION: { fr: 'la condition', en: 'the condition' },
  BOOL: { fr: 'la condition', en: 'the condition' },
  TEXT: { fr: 'le texte', en: 'the text' },
  TIMES: { fr: 'le nombre de fois', en: 'the number of times' },
  A: { fr: 'la première valeur', en: 'the first value' },
  B: { fr: 'la deuxième valeur', en: 'the second value' },
  FROM: { fr: 'le plus petit nombre', en: 'the smallest number' },
  TO: { fr: 'le plus grand nombre', en: 'the largest number' },
  VALUE: { fr: 'la valeur', en: 'the value' },
  DELTA: { fr: 'le nombre à ajouter', en: 'the amount to add' },
  NUM: { fr: 'le nombre', en: 'the number' },
  DIRECTION: { fr: 'le sens', en: 'the direction' },
  STATE: { fr: 'le choix', en: 'the choice' },
  SIDE: { fr: 'le côté', en: 'the side' },
  OP: { fr: 'l’opération', en: 'the operation' },
  MODE: { fr: '« tant que » ou « jusqu’à »', en: '"while" or "until"' },
  NAME: { fr: 'le nom', en: 'the name' },
  VAR: { fr: 'la variable', en: 'the variable' },
  params: { fr: 'les paramètres', en: 'the parameters' },
};

/** An input or field of a block, in words; `IF0`, `IF1`… are conditions. Never the raw name. */
export function slotLabel(name: string): Localized {
  if (/^IF\d+$/.test(name)) return SLOT_LABELS['CONDITION']!;
  return SLOT_LABELS[name] ?? { fr: 'une valeur', en: 'a value' };
}
