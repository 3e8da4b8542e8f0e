/**
 * Which firmware answers on a port, and its version: the RoboKit firmware's `hello` line
 * (docs/protocol.md, 115200 baud) or StandardFirmata's firmware report (57600 baud).
 * A real Uno resets when its port opens, so each probe asks again until its time is up.
 */
import type { BootLink, BootLinkOpener } from './boot-link';
import type { FirmwareId } from './firmware-images';
import { FIRMWARE_IMAGES } from './firmware-images';

export interface FirmwareInfo {
  readonly firmware: FirmwareId;
  readonly name: string;
  readonly version: string;
  /** RoboKit firmware only: protocol version, robot name and id (EEPROM), the board and kit. */
  readonly protocol?: number;
  readonly robotName?: string;
  readonly robotId?: string;
  readonly board?: string;
  readonly kit?: string;
}

export interface IdentifyOptions {
  /** Probe this firmware first (the one just installed). */
  readonly expect?: FirmwareId;
  /** How long each probe keeps asking (a board that just reset boots first; Firmata blinks ≈ 2 s). */
  readonly robokitMs?: number;
  readonly firmataMs?: number;
}

const ASK_EVERY_MS = 500;
const REPORT_VERSION = 0xf9;
const START_SYSEX = 0xf0;
const REPORT_FIRMWARE = 0x79;
const END_SYSEX = 0xf7;

/** The firmware answering on `path`, or null when nothing recognisable answers. */
export async function identifyFirmware(path: string, open: BootLinkOpener, options: IdentifyOptions = {}): Promise<FirmwareInfo | null> {
  const order: FirmwareId[] = options.expect === 'firmata' ? ['firmata', 'robokit'] : ['robokit', 'firmata'];
  for (const id of order) {
    const link = await open(path, FIRMWARE_IMAGES[id].baud);
    try {
      const info =
        id === 'robokit'
          ? await probe(link, options.robokitMs ?? 4_000, encoder.encode('hello\n'), parseHello)
          : await probe(link, options.firmataMs ?? 8_000, Uint8Array.of(REPORT_VERSION, START_SYSEX, REPORT_FIRMWARE, END_SYSEX), parseFirmata);
      if (info) return info;
    } finally {
      await link.close();
    }
  }
  return null;
}

const encoder = new TextEncoder();

async function probe(
  link: BootLink,
  timeoutMs: number,
  question: Uint8Array,
  parse: (received: Uint8Array) => FirmwareInfo | null,
): Promise<FirmwareInfo | null> {
  let received = new Uint8Array(0);
  return new Promise<FirmwareInfo | null>((resolve) => {
    const finish = (info: FirmwareInfo | null) => {
      clearInterval(asking);
      clearTimeout(timer);
      off();
      resolve(info);
    };
    const off = link.onData((chunk) => {
      const joined = new Uint8Array(received.length + chunk.length);
      joined.set(received);
      joined.set(chunk, received.length);
      received = joined.slice(-512);
      const info = parse(received);
      if (info) finish(info);
    });
    const ask = () => void link.write(question).catch(() => {});
    const asking = setInterval(ask, ASK_EVERY_MS);
    const timer = setTimeout(() => finish(null), timeoutMs);
    ask();
  });
}

/** `hello fw=robokit ver=1.0.0 proto=1 board=uno id=… caps=… kit=… name=Robot Lila` */
export function parseHello(received: Uint8Array): FirmwareInfo | null {
  const text = new TextDecoder().decode(received);
  const line = text.split(/\r?\n/).find((l, i, all) => l.startsWith('hello ') && i < all.length - 1);
  if (!line) return null;
  const nameAt = line.indexOf(' name=');
  const head = nameAt >= 0 ? line.slice(0, nameAt) : line;
  const fields = new Map(
    head
      .split(/\s+/)
      .slice(1)
      .map((token) => token.split('=', 2) as [string, string]),
  );
  const fw = fields.get('fw');
  const version = fields.get('ver');
  if (fw !== 'robokit' || !version) return null;
  const robotName = nameAt >= 0 ? line.slice(nameAt + ' name='.length) : '-';
  const protocol = Number(fields.get('proto'));
  return {
    firmware: 'robokit',
    name: fw,
    version,
    ...(Number.isInteger(protocol) ? { protocol } : {}),
    ...(robotName !== '-' ? { robotName } : {}),
    ...(fields.get('id') ? { robotId: fields.get('id')! } : {}),
    ...(fields.get('board') ? { board: fields.get('board')! } : {}),
    ...(fields.get('kit') && fields.get('kit') !== '-' ? { kit: fields.get('kit')! } : {}),
  };
}

/** Firmata's REPORT_FIRMWARE: F0 79 major minor name (7-bit pairs) F7. */
export function parseFirmata(received: Uint8Array): FirmwareInfo | null {
  for (let i = 0; i + 3 < received.length; i++) {
    if (received[i] !== START_SYSEX || received[i + 1] !== REPORT_FIRMWARE) continue;
    const end = received.indexOf(END_SYSEX, i + 4);
    if (end < 0) return null;
    const major = received[i + 2]!;
    const minor = received[i + 3]!;
    let name = '';
    for (let j = i + 4; j + 1 < end; j += 2) name += String.fromCharCode(received[j]! | (received[j + 1]! << 7));
    return { firmware: 'firmata', name: name.replace(/\.ino$/, '') || 'Firmata', version: `${major}.${minor}` };
  }
  return null;
}
