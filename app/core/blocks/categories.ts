/** Toolbox categories, in toolbox order. Colours follow Blockly's hues for its own categories. */
import type { Category, CategoryId } from './types';

export const CATEGORIES: readonly Category[] = [
  { id: 'movement', name: { fr: 'Mouvement', en: 'Movement' }, colour: '#4c97ff', emoji: '🚗', icon: 'move' },
  { id: 'lightSound', name: { fr: 'Lumière et son', en: 'Light & sound' }, colour: '#9966ff', emoji: '💡', icon: 'light-sound' },
  { id: 'sensors', name: { fr: 'Capteurs', en: 'Sensors' }, colour: '#4cbfe6', emoji: '📡', icon: 'sensors' },
  { id: 'control', name: { fr: 'Contrôle', en: 'Control' }, colour: '#ffab19', emoji: '🔁', icon: 'control' },
  { id: 'logic', name: { fr: 'Logique', en: 'Logic' }, colour: '210', emoji: '🔀', icon: 'logic' },
  { id: 'maths', name: { fr: 'Maths', en: 'Maths' }, colour: '230', emoji: '🔢', icon: 'maths' },
  { id: 'text', name: { fr: 'Texte', en: 'Text' }, colour: '160', emoji: '💬', icon: 'text' },
  { id: 'variables', name: { fr: 'Variables', en: 'Variables' }, colour: '330', emoji: '📦', icon: 'variables', custom: 'VARIABLE' },
  { id: 'functions', name: { fr: 'Mes blocs', en: 'My blocks' }, colour: '290', emoji: '🧩', icon: 'functions', custom: 'PROCEDURE' },
];

export function category(id: CategoryId): Category {
  const found = CATEGORIES.find((c) => c.id === id);
  // Every CategoryId is listed above; the fallback only satisfies the type checker.
  return found ?? CATEGORIES[0]!;
}
