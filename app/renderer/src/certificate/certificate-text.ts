/** Words of the certificate a team takes home (issue #15), French first: kind, for a child to keep. */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const CERTIFICATE_TEXT = defineText({
  pageTitle: { fr: 'RoboKit — diplômes', en: 'RoboKit — certificates' },
  title: { fr: 'Diplôme de codeuse et de codeur', en: 'Coder’s certificate' },
  awardedTo: { fr: 'remis à l’équipe', en: 'awarded to the team' },
  because: {
    fr: 'pour avoir programmé un robot ensemble, le {date}.',
    en: 'for programming a robot together, on {date}.',
  },
  done: { fr: 'Défis réussis', en: 'Challenges done' },
  noneDone: {
    fr: 'Vous avez essayé, cherché et appris ensemble : c’est ça, coder !',
    en: 'You tried, searched and learnt together: that is what coding is!',
  },
  byHand: { fr: '(sur le vrai robot)', en: '(on the real robot)' },
  stars: { fr: '{n} {n|étoile|étoiles} sur 3', en: '{n} {n|star|stars} out of 3' },
  drawing: { fr: 'Le dessin de votre robot', en: 'Your robot’s drawing' },
  noDrawing: { fr: 'Pas de dessin cette fois-ci : ce sera pour la prochaine !', en: 'No drawing this time: next time!' },
  bravo: { fr: 'Bravo ! Continuez à coder ensemble.', en: 'Well done! Keep coding together.' },
  print: { fr: 'Imprimer', en: 'Print' },
  printHint: {
    fr: 'Dans la fenêtre d’impression, choisissez « Enregistrer au format PDF » pour garder un fichier.',
    en: 'In the print window, choose “Save as PDF” to keep a file.',
  },
  noWorkshop: {
    fr: 'Pas d’atelier en cours : les diplômes se préparent pendant l’atelier.',
    en: 'No workshop under way: certificates are made during the workshop.',
  },
  noTeam: { fr: 'Cette équipe n’est pas dans l’atelier.', en: 'This team is not in the workshop.' },
});

export type CertificateKey = keyof typeof CERTIFICATE_TEXT;

export function ct(key: CertificateKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(CERTIFICATE_TEXT[key][locale], locale, params);
}
