/** What a robot part is called, in each language (for `not-on-profile` and `sensor-missing`). */
import type { Capability } from '../ir';
import type { Localized } from './messages';

export const CAPABILITY_NAMES: Readonly<Record<Capability, Localized>> = {
  motors: { fr: 'moteurs', en: 'motors' },
  light: { fr: 'lumière', en: 'light' },
  sound: { fr: 'haut-parleur', en: 'buzzer' },
  pen: { fr: 'crayon', en: 'pen' },
  distance: { fr: 'capteur de distance', en: 'distance sensor' },
  line: { fr: 'capteurs de ligne', en: 'line sensors' },
  lightSensor: { fr: 'capteur de lumière', en: 'light sensor' },
  button: { fr: 'bouton', en: 'button' },
};
