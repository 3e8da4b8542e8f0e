/**
 * Sends a bytecode image (docs/bytecode.md) into the RoboKit firmware's EEPROM over the line
 * protocol: `prog begin SIZE`, `prog data OFFSET HEX` (16 bytes a line), `prog end CRC`, then checks
 * `prog info` says the same CRC and a valid program. Works on any link that answers lines
 * (LineTransport.request).
 */
import { crc16 } from '../../app/core/bytecode/format';
import { AppError } from '../../app/core/errors';
import { ROBOKIT_BAUD } from './detect';
import { LineTransport, LinkLostError } from './line-transport';
import type { RobokitHello } from './robokit-hello';
import { probeRobokit } from './robokit-probe';
import { openErrorToAppError, openSerialLink } from './serial-link';

export interface ProgramLink {
  request(line: string, patienceMs?: number): Promise<{ readonly ok: boolean; readonly line: string; readonly fields: Readonly<Record<string, string>> }>;
}

export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

export interface UploadOptions {
  readonly autostart?: boolean;
  readonly onProgress?: (progress: UploadProgress) => void;
}

/**
 * Bytes per `prog data` line: 16 (32 hex digits) keep the longest line, `prog data 880 …\n`, at 47
 * bytes, inside LineTransport's 48-byte window (the firmware accepts up to 24).
 */
export const DATA_BYTES = 16;
/** Each changed EEPROM byte takes 3.3 ms on the chip: a data line may take 80 ms. */
const DATA_PATIENCE_MS = 2_000;

export class UploadError extends Error {
  constructor(readonly answer: string) {
    super(`the robot refused the program: ${answer}`);
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}

async function expectOk(link: ProgramLink, line: string, patienceMs?: number): Promise<Readonly<Record<string, string>>> {
  const answer = await link.request(line, patienceMs);
  if (!answer.ok) throw new UploadError(answer.line);
  return answer.fields;
}

export async function uploadProgram(link: ProgramLink, image: Uint8Array, options: UploadOptions = {}): Promise<void> {
  const crc = crc16(image, image.length - 2).toString(16).padStart(4, '0').toUpperCase();
  await expectOk(link, `prog begin ${image.length}`);
  for (let offset = 0; offset < image.length; offset += DATA_BYTES) {
    const chunk = image.subarray(offset, offset + DATA_BYTES);
    await expectOk(link, `prog data ${offset} ${hex(chunk)}`, DATA_PATIENCE_MS);
    options.onProgress?.({ sent: offset + chunk.length, total: image.length });
  }
  await expectOk(link, `prog end ${crc}`, DATA_PATIENCE_MS);
  if (options.autostart !== undefined) await expectOk(link, `prog autostart ${options.autostart ? 1 : 0}`);
  const info = await expectOk(link, 'prog info');
  if (info.crc !== crc || info.valid !== '1' || Number(info.size) !== image.length) throw new UploadError(`prog info: crc=${info.crc} valid=${info.valid}`);
}

export interface SendOptions extends UploadOptions {
  /** How long the board may take to say hello (default 4 s: a real Uno boots in ~1.6 s). */
  readonly timeoutMs?: number;
  /** How long one answer may take (default 10 s: an emulated or busy board). */
  readonly patienceMs?: number;
}

/**
 * Opens `path` at the RoboKit firmware's speed, checks it is the RoboKit firmware (its hello), sends
 * the image and closes. AppError `robot-no-answer` (or the port's own error) when no RoboKit board is
 * there; UploadError when the board refuses the image.
 */
export async function sendProgram(path: string, image: Uint8Array, options: SendOptions = {}): Promise<RobokitHello> {
  const link = await openSerialLink(path, ROBOKIT_BAUD).catch((error: unknown) => {
    throw openErrorToAppError(error, path);
  });
  const hello = await probeRobokit(link, { timeoutMs: options.timeoutMs ?? 4_000 });
  if (!hello) {
    await link.close().catch(() => {});
    throw new AppError({ code: 'robot-no-answer', params: { path } });
  }
  const transport = new LineTransport(link, { lostAfterMs: options.patienceMs ?? 10_000 });
  try {
    await uploadProgram(transport, image, options);
  } catch (error) {
    if (error instanceof LinkLostError) throw new AppError({ code: 'robot-no-answer', params: { path } });
    throw error;
  } finally {
    await transport.close();
  }
  return hello;
}
