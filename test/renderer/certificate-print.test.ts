// @vitest-environment jsdom
/**
 * The workshop pages' routes, and printing certificates from the page that is open (Electron, where
 * no second tab opens): only the certificates' sheet is printed, and it goes once printing is done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keepDrawing, recordTry, type Session } from '../../app/core/workshop/session';
import { dayText, printCertificates } from '../../app/renderer/src/certificate/certificate-page';
import { ct } from '../../app/renderer/src/certificate/certificate-text';
import { certificateHref, pageRoute } from '../../app/renderer/src/projector/routes';
import type { RobokitApi } from '../../app/shared/api';
import { PNG_1x1, attempt, sessionWith } from '../core/workshop/fixtures';

/** The three calls the certificates need, answered from memory. */
function fakeApi(session: Session | null): RobokitApi {
  return {
    getSettings: async () => ({ locale: 'fr', highContrast: false, largeText: false, profile: 'sim', world: null }),
    getWorkshop: async () => session,
    listLessons: async () => [
      { packId: 'fr.robokit.defis-parents-enfants', lessonId: 'le-spectacle', title: { fr: 'Le spectacle', en: 'The show' } },
    ],
  } as unknown as RobokitApi;
}

const session = keepDrawing(recordTry(sessionWith('s1', ['Les Tigres', 'Lou']), attempt('t2', 'le-spectacle', { stars: 2 })), {
  team: 't2',
  pack: 'fr.robokit.defis-parents-enfants',
  lesson: 'le-spectacle',
  png: PNG_1x1,
});

afterEach(() => {
  document.body.replaceChildren();
  document.body.className = '';
});

describe('printing certificates from the open page', () => {
  it('prints only the sheet of the asked team, with its drawing, then takes it away', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'app', textContent: 'the app' }));
    const printed: string[] = [];
    window.print = () => {
      const sheet = document.getElementById('certificate-print-sheet')!;
      expect(document.body.classList.contains('printing-certificates')).toBe(true);
      printed.push(`${sheet.querySelectorAll('.certificate').length} ${sheet.querySelector('.certificate-nickname')!.textContent} ${sheet.querySelector('img')!.getAttribute('src') === PNG_1x1}`);
    };
    expect(await printCertificates(fakeApi(session), 't2')).toBeNull();
    expect(printed).toEqual(['1 Lou true']);
    expect(document.querySelector('.certificate-list')!.textContent).toBe('Le spectacle ★★☆');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.getElementById('certificate-print-sheet')).toBeNull();
    expect(document.body.classList.contains('printing-certificates')).toBe(false);
    expect(document.getElementById('app')!.textContent).toBe('the app');
  });

  it('nothing to print: one sentence, and no print window', async () => {
    let printed = 0;
    window.print = () => void printed++;
    expect(await printCertificates(fakeApi(null))).toMatch(/^Pas d’atelier en cours\s:\sles diplômes se préparent pendant l’atelier\.$/);
    expect(await printCertificates(fakeApi(session), 't7')).toBe(ct('noTeam', 'fr'));
    expect(printed).toBe(0);
  });

  it('writes the day as a French certificate does', () => {
    expect(dayText('2026-12-01T10:00:00.000Z', 'fr')).toBe('1er décembre 2026');
    expect(dayText('2026-12-02T10:00:00.000Z', 'fr')).toBe('2 décembre 2026');
    expect(dayText('2026-12-01T10:00:00.000Z', 'en')).toBe('1 December 2026');
  });
});

describe('the workshop pages’ addresses', () => {
  it('#projecteur, #diplome and #diplome/<team>; anything else is the app', () => {
    expect(pageRoute('#projecteur')).toEqual({ page: 'projector' });
    expect(pageRoute('#diplome')).toEqual({ page: 'certificate' });
    expect(pageRoute('#diplome/t2')).toEqual({ page: 'certificate', team: 't2' });
    expect(pageRoute(certificateHref('t2').slice(2))).toEqual({ page: 'certificate', team: 't2' });
    expect(pageRoute('#diplome/../../x')).toEqual({ page: 'app' });
    expect(pageRoute('')).toEqual({ page: 'app' });
    expect(pageRoute('#/lesson')).toEqual({ page: 'app' });
  });
});
