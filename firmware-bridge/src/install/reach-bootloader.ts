/**
 * Getting the bootloader's attention, as avrdude does for an Arduino: reset the board (DTR/RTS
 * pulse, when the port has those lines), then several short sync attempts with the input drained
 * between them. After a few seconds without an answer, ask a person to press the board's reset
 * button, and keep trying until the deadline.
 */
import type { BootLink } from './boot-link';
import { Stk500 } from './stk500';

export interface ReachOptions {
  /** Bootloader baud rates to try, most likely first (Optiboot 115200; the old Nano bootloader 57600). */
  readonly bauds: readonly number[];
  /** Ask for the reset button after this long without an answer. */
  readonly promptAfterMs?: number;
  /** Give up after this long. */
  readonly giveUpAfterMs?: number;
  /** One attempt waits this long for INSYNC OK (longer than Optiboot's LED blink, ≈ 0.4 s, on a slow host). */
  readonly attemptMs?: number;
  readonly onPressReset?: () => void;
}

export interface Reached {
  readonly stk: Stk500;
  readonly baud: number;
  /** How the bootloader was started: our DTR pulse, or (no DTR line) someone's reset button. */
  readonly dtr: boolean;
}

const PULSE_EVERY_MS = 2_000;
const SETTLE_MS = 200;
const PROBE_MS = 300;
/** Optiboot's baud; it reads a stream of CRC_EOP as (command, CRC_EOP) pairs whatever it lost. */
const OPTIBOOT_MIN_BAUD = 115_200;

export async function reachBootloader(link: BootLink, options: ReachOptions): Promise<Reached | null> {
  const promptAfterMs = options.promptAfterMs ?? 3_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 15_000;
  const attemptMs = options.attemptMs ?? 500;
  const start = Date.now();
  let dtr: boolean | null = null;
  let prompted = false;
  let nextSwitchAt = 0;
  let baudIndex = -1;
  let stk: Stk500 | null = null;
  try {
    // No attempt runs past the deadline: a board that never answers is told within giveUpAfterMs.
    while (Date.now() - start + attemptMs <= giveUpAfterMs) {
      if (Date.now() >= nextSwitchAt) {
        baudIndex = (baudIndex + 1) % options.bauds.length;
        if (baudIndex > 0 || stk) await link.setBaud(options.bauds[baudIndex]!);
        stk?.dispose();
        stk = new Stk500(link, options.bauds[baudIndex]!);
        if (dtr !== false) dtr = await link.pulseReset();
        nextSwitchAt = Date.now() + PULSE_EVERY_MS;
      }
      const baud = options.bauds[baudIndex]!;
      const optiboot = baud >= OPTIBOOT_MIN_BAUD;
      const answered = optiboot
        ? await stk!.tryExchange([0x20, 0x20], attemptMs)
        : await stk!.trySync(attemptMs);
      if (answered && (!optiboot || (await realign(stk!)))) {
        const reached = { stk: stk!, baud, dtr: dtr === true };
        stk = null;
        return reached;
      }
      if (!prompted && Date.now() - start >= promptAfterMs) {
        prompted = true;
        options.onPressReset?.();
      }
    }
    return null;
  } finally {
    stk?.dispose();
  }
}

/**
 * After CRC_EOP pairs, Optiboot may hold an odd one as a command still waiting for its CRC_EOP.
 * One more CRC_EOP completes it (INSYNC OK) or becomes that lone command (no answer: a second one
 * completes it). Then a real GET_SYNC must answer.
 */
async function realign(stk: Stk500): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  stk.drain();
  if (!(await stk.tryExchange([0x20], PROBE_MS)) && !(await stk.tryExchange([0x20], PROBE_MS))) return false;
  return stk.trySync(PROBE_MS);
}
