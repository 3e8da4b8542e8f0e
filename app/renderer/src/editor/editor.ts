/**
 * The Blockly editor: injects the workspace with the catalog's blocks and toolbox, French or English
 * messages, zoom, trash, undo/redo, keyboard navigation and the chosen appearance. Changing language
 * or appearance rebuilds the workspace from its own JSON, so nothing the pupil made is lost.
 */
import * as Blockly from 'blockly';
import * as BlocklyEn from 'blockly/msg/en';
import * as BlocklyFr from 'blockly/msg/fr';
import { KeyboardNavigation } from '@blockly/keyboard-navigation';
import { BLOCKLY_MESSAGE_OVERRIDES } from '../../../core/blocks/blockly-messages';
import type { Locale } from '../../../core/i18n/messages';
import { LocaleFieldNumber, registerLocaleNumberField } from './locale-number-field';
import { displayColour, startScale, themeFor, type Appearance } from './themes';

/** What the editor needs from the block catalog, per language. */
export interface EditorCatalog {
  definitions(locale: Locale): readonly object[];
  toolbox(locale: Locale): Blockly.utils.toolbox.ToolboxDefinition;
}

export type WorkspaceJson = Record<string, unknown>;

export interface EditorOptions {
  readonly container: HTMLElement;
  readonly catalog: EditorCatalog;
  /** Where Blockly's media was copied by the build (relative to the page). */
  readonly media: string;
  readonly locale: Locale;
  readonly appearance: Appearance;
  readonly workspace: WorkspaceJson;
}

/** A project with only the start block: what a new project shows. */
export const STARTER_WORKSPACE: WorkspaceJson = {
  blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 40, y: 40 }] },
};

/** Blockly's toolbox without its own key handling: the keyboard-navigation plugin handles keys. */
class NavigationDeferringToolbox extends Blockly.Toolbox {
  protected override onKeyDown_(): void {}
}

let pageSetUp = false;
function setUpPageOnce(): void {
  if (pageSetUp) return;
  pageSetUp = true;
  KeyboardNavigation.registerKeyboardNavigationStyles();
  KeyboardNavigation.registerFlyoutCursor();
  // The plugin's own static `registerNavigationDeferringToolbox()` calls itself forever (3.0.5):
  // register the same toolbox here.
  Blockly.registry.register(Blockly.registry.Type.TOOLBOX, Blockly.registry.DEFAULT, NavigationDeferringToolbox, true);
  // Blockly's "Help" menu item opens pages on the web: nothing leaves the computer (SPEC §7).
  if (Blockly.ContextMenuRegistry.registry.getItem('blockHelp')) Blockly.ContextMenuRegistry.registry.unregister('blockHelp');
}

/** Blockly's messages in `locale`, with RoboKit's words for its own blocks (« si … alors », « mettre … à »). */
export function setBlocklyLocale(locale: Locale): void {
  Blockly.setLocale({ ...((locale === 'fr' ? BlocklyFr : BlocklyEn) as unknown as Record<string, string>), ...BLOCKLY_MESSAGE_OVERRIDES[locale] });
  registerLocaleNumberField();
  LocaleFieldNumber.setLocale(locale);
}

function defineBlocks(definitions: readonly object[]): void {
  for (const def of definitions) {
    const type = (def as { type?: unknown }).type;
    if (typeof type === 'string') delete Blockly.Blocks[type];
  }
  Blockly.common.defineBlocksWithJsonArray(definitions as object[]);
}

/** Recolours block definitions and toolbox categories for the appearance. */
function recolour<T>(value: T, appearance: Appearance): T {
  if (!appearance.highContrast) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => recolour(v, appearance)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'colour' && typeof v === 'string' ? displayColour(v, appearance) : recolour(v, appearance);
  }
  return out as T;
}

export class Editor {
  private ws: Blockly.WorkspaceSvg;
  private nav: KeyboardNavigation;
  private locale: Locale;
  private appearance: Appearance;
  private readonly changeListeners = new Set<() => void>();
  private loading = false;

  constructor(private readonly options: EditorOptions) {
    setUpPageOnce();
    this.locale = options.locale;
    this.appearance = options.appearance;
    [this.ws, this.nav] = this.inject(options.workspace);
  }

  get workspace(): Blockly.WorkspaceSvg {
    return this.ws;
  }

  /** Called after every change a pupil makes (not UI-only events such as selection or scrolling). */
  onDidChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  save(): WorkspaceJson {
    return Blockly.serialization.workspaces.save(this.ws) as WorkspaceJson;
  }

  /** Replaces the workspace's content; an empty workspace gets the start block. */
  load(json: WorkspaceJson): void {
    this.loading = true;
    Blockly.Events.disable();
    try {
      this.ws.clear();
      Blockly.serialization.workspaces.load(json, this.ws, { recordUndo: false });
      if (this.ws.getTopBlocks(false).length === 0) {
        Blockly.serialization.workspaces.load(STARTER_WORKSPACE, this.ws, { recordUndo: false });
      }
    } finally {
      Blockly.Events.enable();
      this.loading = false;
    }
    this.ws.clearUndo();
  }

  setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.rebuild();
  }

  setAppearance(appearance: Appearance): void {
    this.appearance = appearance;
    this.rebuild();
  }

  /** The toolbox changed (another robot profile): rebuild it in place. */
  refreshToolbox(): void {
    this.ws.updateToolbox(recolour(this.options.catalog.toolbox(this.locale), this.appearance));
  }

  /** Nothing of the previous work can come back: no undo, an empty trash, an empty clipboard (a workshop's next family). */
  forgetHistory(): void {
    this.ws.hideChaff();
    this.ws.clearUndo();
    this.ws.trashcan?.emptyContents();
    Blockly.clipboard.setLastCopiedData(null as unknown as Blockly.ICopyData);
  }

  undo(): void {
    this.ws.undo(false);
  }

  redo(): void {
    this.ws.undo(true);
  }

  /** Highlights the block the program is running, or none. */
  highlight(blockId: string | null): void {
    this.ws.highlightBlock(blockId);
  }

  block(id: string): Blockly.BlockSvg | null {
    return this.ws.getBlockById(id);
  }

  blockCount(): number {
    return this.ws.getAllBlocks(false).length;
  }

  private rebuild(): void {
    const json = this.save();
    const scroll = { x: this.ws.scrollX, y: this.ws.scrollY };
    this.nav.dispose();
    this.ws.dispose();
    [this.ws, this.nav] = this.inject(json);
    this.ws.scroll(scroll.x, scroll.y);
  }

  private inject(json: WorkspaceJson): [Blockly.WorkspaceSvg, KeyboardNavigation] {
    const { container, catalog, media } = this.options;
    setBlocklyLocale(this.locale);
    defineBlocks(recolour(catalog.definitions(this.locale), this.appearance));
    container.classList.toggle('rk-high-contrast', this.appearance.highContrast);
    const ws = Blockly.inject(container, {
      toolbox: recolour(catalog.toolbox(this.locale), this.appearance),
      media,
      theme: themeFor(this.appearance),
      renderer: 'geras',
      trashcan: true,
      sounds: true,
      grid: { spacing: 24, length: 2, colour: this.appearance.highContrast ? '#bbbbbb' : '#dde3ec', snap: true },
      zoom: { controls: true, wheel: true, pinch: true, startScale: startScale(this.appearance), maxScale: 2.5, minScale: 0.4 },
      move: { scrollbars: true, drag: true, wheel: false },
      maxTrashcanContents: 32,
    });
    const nav = new KeyboardNavigation(ws);
    ws.addChangeListener(Blockly.Events.disableOrphans);
    ws.addChangeListener((e: Blockly.Events.Abstract) => {
      if (e.isUiEvent || this.loading) return;
      for (const listener of this.changeListeners) listener();
    });
    this.ws = ws;
    this.load(json);
    return [ws, nav];
  }
}
