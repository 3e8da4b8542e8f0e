/**
 * Sends a bytecode image (docs/bytecode.md) into the RoboKit firmware's EEPROM over the line
 * protocol: `prog begin SIZE`, `prog data OFFSET HEX` (24 bytes a line), `prog end CRC`, then checks
 * `prog info` says the same CRC and a valid program. Works on any link that answers lines
 * (LineTransport.request).
 */
import { crc16 } from '../../app/core/bytecode/format';

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

/** Bytes per `prog data` line (48 hex digits keep the line under the firmware's 64 characters). */
export const DATA_BYTES = 24;
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
