/**
 * What a running program reports. These are also the `--json` lines of `robokit run` (SPEC §6):
 * `t` is the program's clock in milliseconds (simulated time in the simulator, so the same run
 * prints the same bytes).
 */
import type { Localized, MessageCode } from '../i18n/messages';

export type EndReason = 'finished' | 'stopped' | 'error' | 'timeout' | 'disconnected';

export type RunEvent =
  | { readonly type: 'block'; readonly t: number; readonly blockId: string }
  /** `text` as said (numbers with a dot); `number` when a number was said, for screens to write it in their language. */
  | { readonly type: 'say'; readonly t: number; readonly blockId: string; readonly text: string; readonly number?: number }
  | { readonly type: 'motors'; readonly t: number; readonly left: number; readonly right: number }
  | {
      readonly type: 'error';
      readonly t: number;
      readonly code: MessageCode;
      readonly message: Localized;
      readonly blockId?: string;
    }
  | { readonly type: 'end'; readonly t: number; readonly reason: EndReason };

export type RunState = 'idle' | 'running' | 'paused' | 'ended';

/** Milliseconds since the run started: virtual in the simulator, the wall clock on hardware. */
export interface Clock {
  now(): number;
}
