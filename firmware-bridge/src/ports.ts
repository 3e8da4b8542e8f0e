/**
 * Serial port discovery with a friendly guess of the board from its USB identifiers (VID:PID).
 * `guessBoard` is pure; `listPorts` takes the lister so tests never touch the machine's ports.
 */
import { SerialPort } from 'serialport';
import { localized, type Localized, type MessageCode } from '../../app/core/i18n/messages';

export type BoardKind =
  | 'arduino-uno'
  | 'arduino-mega'
  | 'arduino-leonardo'
  | 'arduino-nano-every'
  | 'arduino-uno-r4'
  | 'microbit'
  | 'ch340'
  | 'ch9102'
  | 'ftdi'
  | 'cp210x'
  | 'pl2303'
  | 'unknown';

/**
 * The microcontroller behind the port: an ATmega328P (Uno, Nano, mBot's mCore: RoboKit can install
 * its firmware), another chip (never flashed), or unknown (a USB-serial chip: the bootloader's
 * signature decides).
 */
export type BoardMcu = 'atmega328p' | 'other' | 'unknown';

export interface BoardGuess {
  readonly kind: BoardKind;
  /** True for a genuine Arduino or a USB-serial chip found on Arduino clones. */
  readonly likelyArduino: boolean;
  readonly mcu: BoardMcu;
  /** Bootloader baud rates to try, most likely first (Optiboot 115200, the old Nano bootloader 57600). */
  readonly bootBauds: readonly number[];
  readonly label: Localized;
  /** What to install first, when the chip needs a driver on Windows or macOS. */
  readonly driverHint?: Localized;
}

interface KnownChip {
  readonly kind: Exclude<BoardKind, 'unknown'>;
  readonly ids: readonly string[];
  readonly label: MessageCode;
  readonly driver?: MessageCode;
  readonly mcu: BoardMcu;
  readonly bootBauds: readonly number[];
}

const OPTIBOOT = [115_200];
/** A clone: an Uno-style Optiboot, or a Nano still on the old bootloader (57,600). */
const CLONE = [115_200, 57_600];
/** Old Nanos with an FTDI chip mostly kept the old bootloader. */
const OLD_NANO_FIRST = [57_600, 115_200];
const NONE: readonly number[] = [];

/** VID:PID (lower-case hex) by board or chip. */
const KNOWN: readonly KnownChip[] = [
  { kind: 'arduino-uno', ids: ['2341:0043', '2341:0001', '2341:0243', '2a03:0043'], label: 'board-arduino-uno', mcu: 'atmega328p', bootBauds: OPTIBOOT },
  { kind: 'arduino-mega', ids: ['2341:0010', '2341:0042', '2341:0242', '2a03:0042'], label: 'board-arduino-mega', mcu: 'other', bootBauds: NONE },
  { kind: 'arduino-leonardo', ids: ['2341:8036', '2341:0036', '2a03:8036', '2341:8037', '2341:0037'], label: 'board-arduino-leonardo', mcu: 'other', bootBauds: NONE },
  { kind: 'arduino-nano-every', ids: ['2341:0058'], label: 'board-arduino-nano-every', mcu: 'other', bootBauds: NONE },
  { kind: 'arduino-uno-r4', ids: ['2341:0069', '2341:1002'], label: 'board-arduino-uno-r4', mcu: 'other', bootBauds: NONE },
  { kind: 'microbit', ids: ['0d28:0204'], label: 'board-microbit', mcu: 'other', bootBauds: NONE },
  { kind: 'ch340', ids: ['1a86:7523', '1a86:5523'], label: 'board-ch340', driver: 'driver-ch340', mcu: 'unknown', bootBauds: CLONE },
  { kind: 'ch9102', ids: ['1a86:55d4', '1a86:55d3'], label: 'board-ch9102', driver: 'driver-ch9102', mcu: 'unknown', bootBauds: CLONE },
  { kind: 'ftdi', ids: ['0403:6001', '0403:6015'], label: 'board-ftdi', mcu: 'unknown', bootBauds: OLD_NANO_FIRST },
  { kind: 'cp210x', ids: ['10c4:ea60'], label: 'board-cp210x', driver: 'driver-cp210x', mcu: 'unknown', bootBauds: CLONE },
  { kind: 'pl2303', ids: ['067b:2303'], label: 'board-pl2303', driver: 'driver-pl2303', mcu: 'unknown', bootBauds: CLONE },
];

const BY_ID: ReadonlyMap<string, KnownChip> = new Map(KNOWN.flatMap((chip) => chip.ids.map((id) => [id, chip])));

/** "2341", "0x2341", "2341 " → "2341"; anything else → undefined. */
function normalizeId(id: string | undefined): string | undefined {
  const m = /^\s*(?:0x)?([0-9a-f]{1,4})\s*$/i.exec(id ?? '');
  return m?.[1] ? m[1].toLowerCase().padStart(4, '0') : undefined;
}

export function guessBoard(vendorId: string | undefined, productId: string | undefined): BoardGuess {
  const vid = normalizeId(vendorId);
  const pid = normalizeId(productId);
  const chip = vid && pid ? BY_ID.get(`${vid}:${pid}`) : undefined;
  // No USB ids (a pseudo-terminal, a Bluetooth link): an Uno-style Optiboot is the likely bootloader.
  if (!chip) return { kind: 'unknown', likelyArduino: false, mcu: 'unknown', bootBauds: OPTIBOOT, label: localized('board-unknown') };
  return {
    kind: chip.kind,
    likelyArduino: true,
    mcu: chip.mcu,
    bootBauds: chip.bootBauds,
    label: localized(chip.label),
    ...(chip.driver ? { driverHint: localized(chip.driver) } : {}),
  };
}

/** What serialport's `list()` gives (the fields we read). */
export interface RawPortInfo {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
}

export interface PortInfo {
  readonly path: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  /** "2341:0043" when the port is USB. */
  readonly usbId?: string;
  readonly board: BoardGuess;
}

export type PortLister = () => Promise<readonly RawPortInfo[]>;

/** serialport's listing; where it fails (Linux without `udevadm`), what sysfs says. */
export const systemPortLister: PortLister = async () => {
  try {
    return await SerialPort.list();
  } catch (error) {
    if (process.platform !== 'linux') throw error;
    const { listSysfsPorts } = await import('./sysfs-ports');
    return listSysfsPorts();
  }
};

/** Ports, likely robots first, then by path. */
export async function listPorts(lister: PortLister = systemPortLister): Promise<PortInfo[]> {
  const raw = await lister();
  const ports = raw.map((p): PortInfo => {
    const vid = normalizeId(p.vendorId);
    const pid = normalizeId(p.productId);
    return {
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(vid && pid ? { usbId: `${vid}:${pid}` } : {}),
      board: guessBoard(p.vendorId, p.productId),
    };
  });
  return ports.sort(
    (a, b) => Number(b.board.likelyArduino) - Number(a.board.likelyArduino) || a.path.localeCompare(b.path),
  );
}

/** The port `--robot auto` picks: the first likely Arduino, if any. */
export async function findRobotPort(lister: PortLister = systemPortLister): Promise<PortInfo | undefined> {
  return (await listPorts(lister)).find((p) => p.board.likelyArduino);
}
