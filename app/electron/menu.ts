/** The menu bar in French (Fichier, Édition, Affichage, Aide), or English when the setting says so. */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale, MenuCommand } from '../shared/api';

const LABELS = {
  fr: {
    file: 'Fichier',
    new: 'Nouveau projet',
    open: 'Ouvrir…',
    save: 'Enregistrer',
    saveAs: 'Enregistrer sous…',
    versions: 'Versions précédentes…',
    quit: 'Quitter',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    resetZoom: 'Taille réelle',
    fullScreen: 'Plein écran',
    projector: 'Vue projecteur (atelier)',
    help: 'Aide',
    about: 'À propos de RoboKit',
  },
  en: {
    file: 'File',
    new: 'New project',
    open: 'Open…',
    save: 'Save',
    saveAs: 'Save as…',
    versions: 'Previous versions…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    projector: 'Projector view (workshop)',
    help: 'Help',
    about: 'About RoboKit',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export interface MenuActions {
  command(command: MenuCommand): void;
  /** Opens the workshop's projector view in its own window. */
  projector(): void;
  about(): void;
}

export function buildMenuTemplate(locale: Locale, actions: MenuActions): MenuItemConstructorOptions[] {
  const l = LABELS[locale];
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(name),
  });
  return [
    {
      label: l.file,
      submenu: [
        command(l.new, 'new', 'CmdOrCtrl+N'),
        command(l.open, 'open', 'CmdOrCtrl+O'),
        command(l.save, 'save', 'CmdOrCtrl+S'),
        command(l.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command(l.versions, 'versions'),
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo' },
        { label: l.redo, role: 'redo' },
        { type: 'separator' },
        { label: l.cut, role: 'cut' },
        { label: l.copy, role: 'copy' },
        { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
        { label: l.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: l.fullScreen, role: 'togglefullscreen' },
        { type: 'separator' },
        { label: l.projector, click: () => actions.projector() },
      ],
    },
    { label: l.help, role: 'help', submenu: [{ label: l.about, click: () => actions.about() }] },
  ];
}
