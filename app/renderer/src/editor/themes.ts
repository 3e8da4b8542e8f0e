/**
 * The editor's looks: RoboKit's normal theme and a high-contrast one, each with a normal or larger
 * text size. High contrast darkens every block colour (white text on them then reads at ≥ 4.5:1),
 * outlines blocks in black (CSS, `.rk-high-contrast`) and uses a pure white workspace.
 */
import * as Blockly from 'blockly/core';

export interface Appearance {
  readonly highContrast: boolean;
  readonly largeText: boolean;
}

/** Blockly's built-in block styles and their hues (Blockly's Classic theme). */
const BUILT_IN_STYLES: Readonly<Record<string, string>> = {
  logic_blocks: '210',
  loop_blocks: '120',
  math_blocks: '230',
  text_blocks: '160',
  variable_blocks: '330',
  variable_dynamic_blocks: '310',
  procedure_blocks: '290',
  list_blocks: '260',
  colour_blocks: '20',
};

/** A hue (`'210'`) or hex colour, darkened so white text on it is easy to read. */
export function darken(colour: string): string {
  const hue = Number(colour);
  if (colour.trim() !== '' && Number.isFinite(hue)) return Blockly.utils.colour.hsvToHex(hue, 0.7, 0.42 * 255);
  const hex = Blockly.utils.colour.parse(colour);
  return hex ? (Blockly.utils.colour.blend('#000000', hex, 0.45) ?? hex) : colour;
}

/** The colour a block or category shows in this appearance. */
export function displayColour(colour: string, appearance: Appearance): string {
  return appearance.highContrast ? darken(colour) : colour;
}

function blockStyles(highContrast: boolean): Record<string, Partial<Blockly.Theme.BlockStyle>> {
  const styles: Record<string, Partial<Blockly.Theme.BlockStyle>> = {};
  for (const [name, hue] of Object.entries(BUILT_IN_STYLES)) {
    styles[name] = { colourPrimary: highContrast ? darken(hue) : hue };
  }
  return styles;
}

const themes = new Map<string, Blockly.Theme>();

export function themeFor(appearance: Appearance): Blockly.Theme {
  const name = `robokit-${appearance.highContrast ? 'hc' : 'normal'}-${appearance.largeText ? 'large' : 'normal'}`;
  const existing = themes.get(name);
  if (existing) return existing;
  const theme = Blockly.Theme.defineTheme(name, {
    name,
    base: Blockly.Themes.Classic,
    blockStyles: blockStyles(appearance.highContrast) as Record<string, Blockly.Theme.BlockStyle>,
    categoryStyles: {},
    componentStyles: appearance.highContrast
      ? {
          workspaceBackgroundColour: '#ffffff',
          toolboxBackgroundColour: '#000000',
          toolboxForegroundColour: '#ffffff',
          flyoutBackgroundColour: '#1a1a1a',
          flyoutForegroundColour: '#ffffff',
          flyoutOpacity: 1,
          scrollbarColour: '#000000',
          scrollbarOpacity: 0.8,
          insertionMarkerColour: '#000000',
          selectedGlowColour: '#000000',
          cursorColour: '#d00000',
        }
      : {
          workspaceBackgroundColour: '#f7f9fc',
          toolboxBackgroundColour: '#ffffff',
          toolboxForegroundColour: '#1d2433',
          flyoutBackgroundColour: '#e8edf5',
          flyoutForegroundColour: '#1d2433',
          flyoutOpacity: 1,
        },
    fontStyle: {
      family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
      weight: appearance.highContrast ? 'bold' : '600',
      size: appearance.largeText ? 15 : 12,
    },
  });
  themes.set(name, theme);
  return theme;
}

/** Workspace zoom at start: bigger blocks with larger text. */
export function startScale(appearance: Appearance): number {
  return appearance.largeText ? 1.15 : 0.95;
}
