/**
 * A robot's id, chosen by the host: a new board running the RoboKit firmware says `id=00000000`
 * (none yet), and the first host that meets it gives it a random one (`id XXXXXXXX`, kept in its
 * EEPROM). Boards flashed alike boot alike — an id drawn from their own start-up repeats (two
 * emulated Unos did, and real ones can) — while 32 random bits from the host's generator make two
 * equal ids among fifteen robots a one-in-forty-million chance. The id is what finds a robot again
 * after a replug, whatever its port is called then.
 */
import { randomBytes } from 'node:crypto';
import type { Scheduler } from './command-queue';
import type { RobokitHello } from './robokit-hello';
import { askLine } from './bare-line';
import type { SerialLink } from './serial-link';

/** What a board that has no id yet says. */
export const NO_BOARD_ID = '00000000';

/** 8 upper-case hex digits, never all zero. */
export function newBoardId(random: (bytes: number) => Uint8Array = randomBytes): string {
  for (;;) {
    const id = Buffer.from(random(4)).toString('hex').toUpperCase().padStart(8, '0').slice(0, 8);
    if (id !== NO_BOARD_ID) return id;
  }
}

export interface BoardIdOptions {
  readonly scheduler: Scheduler;
  readonly timeoutMs: number;
  readonly path: string;
  readonly random?: (bytes: number) => Uint8Array;
}

/** Gives the board `id` (a fresh random one by default); resolves with its hello as it then is. */
export async function giveBoardId(link: SerialLink, hello: RobokitHello, options: BoardIdOptions, id = newBoardId(options.random)): Promise<RobokitHello> {
  const answer = await askLine(link, `id ${id}`, options.scheduler, options.timeoutMs, options.path);
  // An older RoboKit firmware has no `id` command: it keeps the id it chose.
  return answer === 'ok' ? { ...hello, id } : hello;
}

/** The board's hello with an id: a board that has none gets a random one first. */
export function ensureBoardId(link: SerialLink, hello: RobokitHello, options: BoardIdOptions): Promise<RobokitHello> {
  return hello.id === NO_BOARD_ID ? giveBoardId(link, hello, options) : Promise.resolve(hello);
}
