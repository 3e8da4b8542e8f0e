/** Compile diagnostics: data the editor shows on the block, never exceptions. */
import { localized, type Localized, type MessageCode, type MessageParams } from '../i18n/messages';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** The block to mark, or `null` for the whole workspace. */
  readonly blockId: string | null;
  readonly code: MessageCode;
  readonly message: Localized;
  readonly severity: Severity;
}

type Params = MessageParams;

/** A pupil needs the first few problems, not a million from a damaged file. */
export const MAX_DIAGNOSTICS = 100;

export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private errors = 0;

  error(code: MessageCode, blockId: string | null, params: Params = {}, message?: Localized): void {
    this.errors++;
    this.add({ blockId, code, message: message ?? localized(code, params), severity: 'error' });
  }

  warning(code: MessageCode, blockId: string | null, params: Params = {}): void {
    this.add({ blockId, code, message: localized(code, params), severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  private add(d: Diagnostic): void {
    if (this.items.length < MAX_DIAGNOSTICS) this.items.push(d);
  }
}
