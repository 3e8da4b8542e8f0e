/**
 * Errors. Pupil-facing text never comes from an exception message: an AppError carries a code, and
 * the i18n catalog (`i18n/messages.ts`) says it in French and English.
 */
import type { MessageCode } from './i18n/messages';

export interface AppErrorData {
  readonly code: MessageCode;
  /** Values substituted into the message, e.g. `{ path: '/workspace/blocks' }`. */
  readonly params?: Readonly<Record<string, string | number>>;
  readonly blockId?: string;
}

/** An error a person can cause and fix (bad file, unreachable robot, a pupil's mistake). */
export class AppError extends Error {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly blockId: string | undefined;

  constructor(data: AppErrorData) {
    super(data.code);
    this.name = 'AppError';
    this.code = data.code;
    this.params = data.params ?? {};
    this.blockId = data.blockId;
  }

  toData(): AppErrorData {
    return { code: this.code, params: this.params, ...(this.blockId ? { blockId: this.blockId } : {}) };
  }
}

/** A broken invariant: a bug in RoboKit, never the pupil's fault. */
export class BugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
}
