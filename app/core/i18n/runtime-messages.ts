/** Runtime errors a pupil can cause. */
import { defineMessages } from './define';

export const RUNTIME_MESSAGES = defineMessages({
  'division-by-zero': {
    fr: 'Division par zéro : on ne peut pas diviser par 0.',
    en: 'Division by zero: you cannot divide by 0.',
  },
  'sensor-missing': {
    fr: 'Ce robot n’a pas de {capability}.',
    en: 'This robot has no {capability}.',
  },
  'not-a-number': {
    fr: 'Ce bloc attend un nombre.',
    en: 'This block needs a number.',
  },
  'robot-disconnected': {
    fr: 'Demande à un adulte de vérifier le câble USB : le robot est déconnecté.',
    en: 'Robot disconnected. Check the USB cable.',
  },
  'recursion-too-deep': {
    fr: 'Trop d’appels de fonction les uns dans les autres. Une fonction s’appelle-t-elle sans fin ?',
    en: 'Too many function calls inside each other. Does a function call itself forever?',
  },
  'procedure-missing': {
    fr: 'La fonction « {name} » n’existe pas.',
    en: 'The function “{name}” does not exist.',
  },
});
