/**
 * Words of Blockly's own blocks that RoboKit says its own way, so that an 8-year-old reads them
 * (« si … alors », « mettre … à », « ajouter … à », « nombre au hasard »). The editor applies them on
 * top of Blockly's French or English messages; `block-labels.ts` describes the same words, and a
 * test keeps the two in step. Only words change: block types and field names stay (SPEC §3).
 */
import type { Locale } from '../i18n/messages';

export const BLOCKLY_MESSAGE_OVERRIDES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    CONTROLS_IF_MSG_IF: 'si',
    CONTROLS_IF_MSG_THEN: 'alors',
    CONTROLS_IF_MSG_ELSEIF: 'sinon si',
    CONTROLS_IF_MSG_ELSE: 'sinon',
    CONTROLS_REPEAT_TITLE: 'répéter %1 fois',
    CONTROLS_REPEAT_INPUT_DO: '',
    CONTROLS_WHILEUNTIL_OPERATOR_WHILE: 'répéter tant que',
    CONTROLS_WHILEUNTIL_OPERATOR_UNTIL: 'répéter jusqu’à',
    CONTROLS_WHILEUNTIL_INPUT_DO: '',
    LOGIC_OPERATION_AND: 'et',
    LOGIC_OPERATION_OR: 'ou',
    LOGIC_NEGATE_TITLE: 'non %1',
    LOGIC_BOOLEAN_TRUE: 'vrai',
    LOGIC_BOOLEAN_FALSE: 'faux',
    MATH_RANDOM_INT_TITLE: 'nombre au hasard entre %1 et %2',
    VARIABLES_SET: 'mettre %1 à %2',
    MATH_CHANGE_TITLE: 'ajouter %2 à %1',
    PROCEDURES_DEFNORETURN_TITLE: 'créer le bloc',
    PROCEDURES_DEFNORETURN_PROCEDURE: 'mon bloc',
  },
  en: {
    CONTROLS_IF_MSG_IF: 'if',
    CONTROLS_IF_MSG_THEN: 'then',
    CONTROLS_IF_MSG_ELSEIF: 'else if',
    CONTROLS_IF_MSG_ELSE: 'else',
    CONTROLS_REPEAT_TITLE: 'repeat %1 times',
    CONTROLS_REPEAT_INPUT_DO: '',
    CONTROLS_WHILEUNTIL_OPERATOR_WHILE: 'repeat while',
    CONTROLS_WHILEUNTIL_OPERATOR_UNTIL: 'repeat until',
    CONTROLS_WHILEUNTIL_INPUT_DO: '',
    LOGIC_OPERATION_AND: 'and',
    LOGIC_OPERATION_OR: 'or',
    LOGIC_NEGATE_TITLE: 'not %1',
    LOGIC_BOOLEAN_TRUE: 'true',
    LOGIC_BOOLEAN_FALSE: 'false',
    MATH_RANDOM_INT_TITLE: 'random number from %1 to %2',
    VARIABLES_SET: 'set %1 to %2',
    MATH_CHANGE_TITLE: 'add %2 to %1',
    PROCEDURES_DEFNORETURN_TITLE: 'make a block',
    PROCEDURES_DEFNORETURN_PROCEDURE: 'my block',
  },
};
