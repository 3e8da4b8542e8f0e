/** Random lines no valid command can come out of: each kind is a way a link or a child gets it wrong. */
import { randomInt } from '../../../app/core/random';

export type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomInt(random, 0, items.length - 1)]!;
}

function bytes(random: Random, length: number, from = 0, to = 255): number[] {
  return Array.from({ length }, () => {
    const byte = randomInt(random, from, to);
    return byte === 0x0a ? 0x0b : byte; // no newline inside a line
  });
}

const COMMANDS = ['m', 'move', 'tone', 'led', 'rgb', 'pen', 'watch', 'failsafe', 'hb', 'stop', 'hello', 'cfg', 'read'];
/** Not numbers, or out of every range. */
const NOT_NUMBERS = ['1e3', '0x10', '--5', '5-', '99999999999999', '3.5', 'NaN', '+5', '½', '٣'];
/** Wrong for a motor's power (−100…100). */
const BAD_POWERS = ['101', '-101', ...NOT_NUMBERS];

/** Lines no valid command can come out of, each kind a way a link or a child gets it wrong. */
const HOSTILE: ReadonlyArray<(random: Random) => number[]> = [
  // binary garbage, any byte but the newline
  (random) => bytes(random, randomInt(random, 1, 60)),
  // printable garbage
  (random) => bytes(random, randomInt(random, 1, 40), 0x21, 0x7e),
  // too long (then the board must find the next line)
  (random) => bytes(random, randomInt(random, 65, 120), 0x20, 0x7e),
  // unknown words that look like commands
  (random) => [...Buffer.from(`${pick(random, COMMANDS)}${pick(random, ['x', '_', 'é', '0', 'S'])} 1 2`)],
  // motor commands with a wrong number in a random place
  (random) => {
    const words = ['50', '50', '1000', '7'];
    words[randomInt(random, 0, 1)] = pick(random, BAD_POWERS);
    return [...Buffer.from(`${pick(random, ['m', 'move'])} ${words.slice(0, 4).join(' ')}`)];
  },
  // known commands with too many or too few words
  (random) => [...Buffer.from(pick(random, ['m', 'm 1', 'm 1 2 3', 'move 1 2 3', 'stop now', 'hb 1', 'led', 'tone', 'tone 440 5']))],
  // wrong numbers everywhere else
  (random) => [...Buffer.from(`${pick(random, ['led', 'pen', 'failsafe', 'tone'])} ${pick(random, NOT_NUMBERS)}`)],
  // configuration nonsense
  (random) => [...Buffer.from(`cfg ${pick(random, ['motors', 'light', 'distance', 'pen', 'nope', 'line'])} ${pick(random, ['D0', 'A9', 'Z3', 'D99', 'hbridge D1'])}`)],
  // a Firmata host knocking (binary, no newline of its own)
  () => [0xf0, 0x79, 0xf7, 0xf9],
];

/** Would the board skip this line (nothing but spaces once carriage returns are dropped)? */
export function isEmpty(line: number[]): boolean {
  return line.every((byte) => byte === 0x20 || byte === 0x0d);
}


export function hostileLine(random: Random): number[] {
  return pick(random, HOSTILE)(random);
}
