/**
 * Blockly's number field, the French way: in French « 0,5 » typed in a block is half (Blockly's own
 * field drops the comma and reads 5) and numbers are shown with a decimal comma; in English the dot
 * stays the decimal mark. Registered as `field_number`, so `math_number` and every block built from
 * JSON use it; the value stored in projects is still a plain number (SPEC §3 unchanged).
 */
import * as Blockly from 'blockly';
import type { Locale } from '../../../core/i18n/messages';
import { numberFromText, numberText } from '../../../core/i18n/numbers';

let locale: Locale = 'fr';

export class LocaleFieldNumber extends Blockly.FieldNumber {
  /** The locale new and redrawn fields write numbers in (the editor sets it with Blockly's messages). */
  static setLocale(next: Locale): void {
    locale = next;
  }

  protected override getText_(): string | null {
    const value = this.getValue();
    return typeof value === 'number' ? numberText(value, locale) : null;
  }

  protected override getEditorText_(value: unknown): string {
    return typeof value === 'number' ? numberText(value, locale) : String(value);
  }

  protected override getValueFromEditorText_(text: string): unknown {
    return numberFromText(text, locale) ?? text;
  }

  protected override doClassValidation_(newValue?: unknown): number | null {
    if (typeof newValue === 'string') {
      const parsed = numberFromText(newValue, locale);
      return super.doClassValidation_(parsed ?? newValue);
    }
    return super.doClassValidation_(newValue);
  }
}

let registered = false;

/** Makes `field_number` this field, once per page. */
export function registerLocaleNumberField(): void {
  if (registered) return;
  registered = true;
  Blockly.fieldRegistry.unregister('field_number');
  Blockly.fieldRegistry.register('field_number', LocaleFieldNumber);
}
