/**
 * Block labels: what blocks are called in words, kept in step with the editor's words, and the
 * table authors read (docs/blocks.md, regenerated with `UPDATE_DOCS=1`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LABELS, blockLabel, labelVariants, nameMatchesVariant, namesABlock } from '../../../app/core/blocks/block-labels';
import { BLOCKLY_MESSAGE_OVERRIDES } from '../../../app/core/blocks/blockly-messages';
import { CATALOG } from '../../../app/core/blocks/catalog';
import { CATEGORIES } from '../../../app/core/blocks/categories';

const ALL = CATALOG.map((e) => e.type);

describe('block labels', () => {
  it('gives every catalog block a label in both languages, never its type', () => {
    for (const { type } of CATALOG) {
      for (const locale of ['fr', 'en'] as const) {
        if (type !== 'text') expect(blockLabel(type, locale), `${type} ${locale}`).not.toBe(type);
        expect(labelVariants(type, locale).length, `${type} ${locale}`).toBeGreaterThan(0);
      }
    }
  });

  it('says custom blocks as the editor draws them, dropdowns expanded', () => {
    expect(labelVariants('robot_move', 'fr')).toEqual(['avancer à …\u00a0% pendant … s', 'reculer à …\u00a0% pendant … s']);
    expect(labelVariants('robot_led', 'fr')).toEqual(['allumer la lumière', 'éteindre la lumière']);
    expect(blockLabel('robokit_forever', 'fr')).toBe('répéter pour toujours');
    expect(labelVariants('robokit_note', 'fr')).toContain('la note ré (294 Hz)');
  });

  it('uses the words the editor sets for Blockly’s own blocks', () => {
    const words = (locale: 'fr' | 'en') => Object.values(BLOCKLY_MESSAGE_OVERRIDES[locale]).join(' ');
    for (const [type, label] of Object.entries(BUILTIN_LABELS)) {
      for (const locale of ['fr', 'en'] as const) {
        const name = label.name[locale].replace(/…/g, ' ').trim();
        if (/^(?:variable|nombre|number|texte|text|comparer|compare|calcul|sum|mon bloc|my block|vrai|true)$/.test(name)) continue;
        for (const word of name.split(/\s+/)) if (!/^[…+−×÷^=≠<>≤≥]$/.test(word)) expect(words(locale), `${type}: ${word}`).toContain(word);
      }
    }
  });

  it('matches a name written in a step to a label: values left out, no word skipped or changed', () => {
    expect(nameMatchesVariant('répéter … fois', 'répéter … fois')).toBe(true);
    expect(nameMatchesVariant('répéter 4 fois', 'répéter … fois')).toBe(true);
    expect(nameMatchesVariant('avancer à 50 % pendant 1 s', 'avancer à … % pendant … s')).toBe(true);
    expect(nameMatchesVariant('avancer', 'avancer à … % pendant … s')).toBe(true);
    expect(nameMatchesVariant('si … alors', 'si … alors …')).toBe(true);
    expect(nameMatchesVariant('rouler en avant', 'avancer à … % pendant … s')).toBe(false);
    expect(nameMatchesVariant('avancer pendant', 'avancer à … % pendant … s')).toBe(false);
    expect(namesABlock('ajoute 0,5', 'fr', ALL)).toBe(false);
    expect(namesABlock('ajouter … à …', 'fr', ALL)).toBe(true);
    expect(namesABlock('toujours', 'fr', ALL)).toBe(true);
    expect(namesABlock('bip', 'fr', ALL)).toBe(false);
    expect(namesABlock('repeat forever', 'en', ALL)).toBe(true);
  });
});

function blocksDoc(): string {
  const lines = [
    '# Blocs / Blocks',
    '',
    'Généré par `UPDATE_DOCS=1 npx vitest run --project unit test/core/blocks/block-labels.test.ts`.',
    'Les types ne changent jamais (SPEC §3) ; les étiquettes peuvent changer. Dans une étape, écris',
    '`{{block:TYPE}}` pour dessiner le bloc, ou cite son étiquette (un morceau suffit, les valeurs en `…`).',
    '*Generated. Types never change; labels may. In a step, write `{{block:TYPE}}` to draw the block, or',
    'quote its label (a part is enough, values as `…`).*',
    '',
  ];
  for (const category of CATEGORIES) {
    lines.push(`## ${category.name.fr} / ${category.name.en}`, '', '| type | français | English |', '|---|---|---|');
    for (const entry of CATALOG.filter((e) => e.category === category.id)) {
      const cell = (locale: 'fr' | 'en') => labelVariants(entry.type, locale).map((v) => `« ${v} »`.replace(/\|/g, '\\|')).join('<br>');
      lines.push(`| \`${entry.type}\` | ${cell('fr')} | ${cell('en')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

describe('docs/blocks.md', () => {
  it('lists every block type with its labels as RoboKit shows them', () => {
    const file = new URL('../../../docs/blocks.md', import.meta.url);
    if (process.env['UPDATE_DOCS']) writeFileSync(file, blocksDoc());
    expect(readFileSync(file, 'utf8')).toBe(blocksDoc());
  });
});
