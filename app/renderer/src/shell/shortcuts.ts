/**
 * Keyboard shortcuts of the whole screen: Ctrl-Z / Ctrl-Y (and Ctrl-Shift-Z) undo and redo blocks
 * from anywhere (inside the workspace Blockly handles them itself), Ctrl-S saves.
 */
export interface ShortcutActions {
  undo(): void;
  redo(): void;
  save(): void;
  /** Blockly already handles keys whose target is inside its workspace. */
  inWorkspace(target: EventTarget | null): boolean;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 's') {
      e.preventDefault();
      actions.save();
      return;
    }
    if (isTextField(e.target) || actions.inWorkspace(e.target)) return;
    if (key === 'z' && !e.shiftKey) actions.undo();
    else if (key === 'y' || (key === 'z' && e.shiftKey)) actions.redo();
    else return;
    e.preventDefault();
  });
}
