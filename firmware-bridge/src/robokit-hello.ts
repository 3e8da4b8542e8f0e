/** The RoboKit firmware's `hello` line (docs/protocol.md, "Identity"), as data. */
import { parseFields } from './line-transport';

export interface RobokitHello {
  readonly firmware: 'robokit';
  readonly version: string;
  readonly protocol: number;
  readonly board: string;
  readonly id: string;
  readonly capabilities: readonly string[];
  /** The profile id the board was configured for; undefined when none (`-`). */
  readonly kit: string | undefined;
  /** The robot's name; undefined when none (`-`). */
  readonly name: string | undefined;
}

/** The protocol versions this host drives. */
export const PROTOCOLS = [1] as const;

const dash = (v: string | undefined): string | undefined => (v === undefined || v === '-' || v === '' ? undefined : v);

/** A `hello` line from the RoboKit firmware, or undefined for anything else. */
export function parseHello(line: string): RobokitHello | undefined {
  const tokens = line.split(/ +/);
  if (tokens[0] !== 'hello') return undefined;
  const f = parseFields(tokens.slice(1), line);
  if (f.fw !== 'robokit' || f.proto === undefined || !/^\d+$/.test(f.proto)) return undefined;
  const caps = dash(f.caps);
  return {
    firmware: 'robokit',
    version: f.ver ?? '?',
    protocol: Number(f.proto),
    board: f.board ?? '?',
    id: f.id ?? '?',
    capabilities: caps ? caps.split(',') : [],
    kit: dash(f.kit),
    name: dash(f.name),
  };
}
