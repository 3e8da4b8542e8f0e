/** PWM duty changes as the rig records them, and the spans between them. Pure. */

export interface PwmChange {
  readonly pin: number;
  readonly duty: number;
  /** Emulated ms on the rig clock (monotonic across board resets). */
  readonly tMs: number;
  /** Wall clock (epoch ms) when the worker emulated the change. */
  readonly wallMs: number;
}

/** A stretch of time one pin held one duty; `toMs`/`toWallMs` are null while it still holds. */
export interface PwmSpan {
  readonly pin: number;
  readonly duty: number;
  readonly fromMs: number;
  readonly toMs: number | null;
  readonly fromWallMs: number;
  readonly toWallMs: number | null;
}

/** Cuts one pin's changes into spans, e.g. to check "PWM 128 for 1000 ± 60 ms". */
export function pwmSpans(changes: readonly PwmChange[], pin: number): PwmSpan[] {
  const mine = changes.filter((change) => change.pin === pin);
  return mine.map((change, index) => {
    const next = mine[index + 1];
    return {
      pin,
      duty: change.duty,
      fromMs: change.tMs,
      toMs: next?.tMs ?? null,
      fromWallMs: change.wallMs,
      toWallMs: next?.wallMs ?? null,
    };
  });
}
