/**
 * The certificates a workshop's teams take home (issue #15), one A4 landscape page each, printed to
 * paper or to PDF through the browser's print: the team's nickname, the day, the challenges it did
 * with their stars, and its robot's last drawing from the simulator (kept in the session as a PNG).
 * `#diplome` shows every team's, `#diplome/<team id>` one team's; `printCertificates` prints them from
 * the page that is open (Electron, where no second tab opens).
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { certificates, type Certificate } from '../../../core/workshop/certificate';
import { isPngDataUrl } from '../../../core/workshop/png';
import type { RobokitApi } from '../../../shared/api';
import { h } from '../shell/dom';
import { ct } from './certificate-text';
import './certificate.css';

type Titles = ReadonlyMap<string, Localized>;

interface Loaded {
  readonly locale: Locale;
  readonly list: readonly Certificate[];
  readonly titles: Titles;
  /** Why there is nothing to print, or null. */
  readonly problem: string | null;
}

async function load(api: RobokitApi, team?: string): Promise<Loaded> {
  const [settings, session, cards] = await Promise.all([api.getSettings(), api.getWorkshop(), api.listLessons()]);
  const locale = settings.locale;
  const titles: Titles = new Map(cards.map((c) => [`${c.packId}/${c.lessonId}`, c.title]));
  const list = session ? certificates(session, team) : [];
  const problem = !session ? ct('noWorkshop', locale) : list.length === 0 ? ct('noTeam', locale) : null;
  return { locale, list, titles, problem };
}

/** The certificate page (`#diplome`): a preview of the pages, and « Imprimer ». */
export async function startCertificates(root: HTMLElement, api: RobokitApi, team?: string): Promise<void> {
  const { locale, list, titles, problem } = await load(api, team);
  document.documentElement.lang = locale;
  document.title = ct('pageTitle', locale);
  document.body.classList.add('certificate-body');
  const print = h('button', { type: 'button', class: 'btn certificate-print', id: 'certificate-print' }, ct('print', locale));
  print.addEventListener('click', () => window.print());
  root.replaceChildren(
    h(
      'div',
      { class: 'certificate-toolbar' },
      ...(problem ? [h('p', { class: 'certificate-problem', role: 'alert' }, problem)] : [print, h('p', { class: 'certificate-hint' }, ct('printHint', locale))]),
    ),
    h('div', { class: 'certificate-pages', id: 'certificates' }, ...list.map((c) => page(c, titles, locale))),
  );
}

/**
 * Prints the certificates from the page that is open, without leaving it: they are laid out in a
 * sheet only print shows, the print window opens, and the sheet goes once printing is done. Returns
 * the sentence to show when there is nothing to print.
 */
export async function printCertificates(api: RobokitApi, team?: string): Promise<string | null> {
  const { locale, list, titles, problem } = await load(api, team);
  if (problem) return problem;
  document.getElementById(SHEET_ID)?.remove();
  const sheet = h('div', { id: SHEET_ID, class: 'certificate-sheet' }, ...list.map((c) => page(c, titles, locale)));
  document.body.append(sheet);
  document.body.classList.add('printing-certificates');
  const done = () => {
    sheet.remove();
    document.body.classList.remove('printing-certificates');
  };
  window.addEventListener('afterprint', done, { once: true });
  // Only once its pictures are decoded, so the print shows the drawings.
  await Promise.all([...sheet.querySelectorAll('img')].map((img) => (typeof img.decode === 'function' ? img.decode().catch(() => undefined) : undefined)));
  window.print();
  return null;
}

const SHEET_ID = 'certificate-print-sheet';

function page(c: Certificate, titles: Titles, l: Locale): HTMLElement {
  const date = dayText(c.date, l);
  // Only a real PNG from the session becomes a picture (the session was validated; checked again here).
  const picture =
    c.drawing && isPngDataUrl(c.drawing)
      ? h('img', { class: 'certificate-drawing', id: `certificate-drawing-${c.team}`, src: c.drawing, alt: ct('drawing', l) })
      : h('p', { class: 'certificate-no-drawing' }, ct('noDrawing', l));
  const challenges =
    c.challenges.length === 0
      ? h('p', { class: 'certificate-none' }, ct('noneDone', l))
      : h(
          'ul',
          { class: 'certificate-list' },
          ...c.challenges.map((ch) =>
            h(
              'li',
              {},
              h('span', { class: 'certificate-challenge' }, titles.get(`${ch.pack}/${ch.lesson}`)?.[l] ?? ch.lesson),
              ' ',
              h('span', { class: 'certificate-stars', role: 'img', 'aria-label': ct('stars', l, { n: ch.stars }) }, '★'.repeat(ch.stars) + '☆'.repeat(3 - ch.stars)),
              ch.byHand ? h('span', { class: 'certificate-by-hand' }, ` ${ct('byHand', l)}`) : null,
            ),
          ),
        );
  return h(
    'article',
    { class: 'certificate', 'data-team': c.team },
    h('p', { class: 'certificate-brand' }, '★ RoboKit ★'),
    h('h1', { class: 'certificate-title' }, ct('title', l)),
    h('p', { class: 'certificate-to' }, ct('awardedTo', l)),
    h('p', { class: 'certificate-nickname' }, c.nickname),
    h('p', { class: 'certificate-because' }, ct('because', l, { date })),
    h(
      'div',
      { class: 'certificate-body-grid' },
      h('figure', { class: 'certificate-figure' }, picture, h('figcaption', {}, ct('drawing', l))),
      h('section', { class: 'certificate-done' }, h('h2', {}, ct('done', l)), challenges),
    ),
    h('p', { class: 'certificate-bravo' }, ct('bravo', l)),
    h('p', { class: 'certificate-workshop' }, c.workshop),
  );
}

/** « 1er décembre 2026 », « 2 décembre 2026 »; "1 December 2026". */
export function dayText(iso: string, l: Locale): string {
  const day = new Date(iso);
  if (Number.isNaN(day.getTime())) return iso;
  const text = day.toLocaleDateString(l === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return l === 'fr' ? text.replace(/^1 /, '1er ') : text;
}
