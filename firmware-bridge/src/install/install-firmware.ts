/**
 * Installs a firmware image on an ATmega328P board through its bootloader (STK500v1): refuse a
 * board that is not an ATmega328P (by its USB ids, then by its signature), reach the bootloader,
 * write every page, read every page back and compare it byte for byte, leave the bootloader, and
 * check that the new firmware answers with its name and version.
 */
import { AppError } from '../../../app/core/errors';
import type { BoardGuess } from '../ports';
import type { BootLinkOpener } from './boot-link';
import type { LoadedImage } from './firmware-images';
import { identifyFirmware, type FirmwareInfo } from './identify-firmware';
import { reachBootloader } from './reach-bootloader';
import type { Stk500 } from './stk500';

export type InstallPhase = 'connecting' | 'writing' | 'verifying' | 'checking';

export type InstallEvent =
  | { readonly type: 'phase'; readonly phase: InstallPhase }
  | { readonly type: 'press-reset' }
  /** Bytes written or verified so far, of `total`. */
  | { readonly type: 'progress'; readonly phase: 'writing' | 'verifying'; readonly done: number; readonly total: number };

export interface InstallRequest {
  readonly path: string;
  readonly loaded: LoadedImage;
  /** What the USB ids say (ports.ts); a port without them (pty, Bluetooth) is `unknown`. */
  readonly board: BoardGuess;
  readonly onEvent?: (event: InstallEvent) => void;
}

export interface InstallTimings {
  readonly promptAfterMs?: number;
  readonly giveUpAfterMs?: number;
  /** How long the new firmware may take to answer after the bootloader leaves (default 15 s). */
  readonly answerMs?: number;
}

export interface InstallResult {
  readonly info: FirmwareInfo;
  /** Bootloader baud, and whether a DTR pulse reset the board (else someone pressed reset). */
  readonly baud: number;
  readonly dtr: boolean;
  readonly bytesWritten: number;
}

const PAGE_BYTES = 128;
/** Read back two pages per command: STK500's READ_PAGE takes up to 256 bytes (Optiboot and the old bootloader alike). */
const READ_BYTES = 256;
const POST_INSTALL_ANSWER_MS = 15_000;
/** ATmega328P (and the non-P ATmega328, same flash layout). */
const SIGNATURES = ['1e950f', '1e9514'];

export async function installFirmware(
  request: InstallRequest,
  open: BootLinkOpener,
  timings: InstallTimings = {},
): Promise<InstallResult> {
  const { path, board, loaded } = request;
  const emit = request.onEvent ?? (() => {});
  if (board.mcu === 'other') {
    throw new AppError({ code: 'firmware-board-foreign', params: { path, board: board.label.fr } });
  }
  emit({ type: 'phase', phase: 'connecting' });
  const link = await open(path, board.bootBauds[0]!);
  let reached: Awaited<ReturnType<typeof reachBootloader>>;
  try {
    reached = await reachBootloader(link, {
      bauds: board.bootBauds,
      onPressReset: () => emit({ type: 'press-reset' }),
      ...(timings.promptAfterMs !== undefined ? { promptAfterMs: timings.promptAfterMs } : {}),
      ...(timings.giveUpAfterMs !== undefined ? { giveUpAfterMs: timings.giveUpAfterMs } : {}),
    });
    if (!reached) throw new AppError({ code: 'firmware-bootloader-silent', params: { path } });
    await program(reached.stk, loaded.bytes, path, emit);
  } catch (error) {
    throw asInstallError(error, path);
  } finally {
    await link.close();
  }
  emit({ type: 'phase', phase: 'checking' });
  // It boots first (StandardFirmata blinks ≈ 2 s); a board on a slow or busy host takes longer.
  const answerMs = timings.answerMs ?? POST_INSTALL_ANSWER_MS;
  const info = await identifyFirmware(path, open, { expect: loaded.image.id, robokitMs: answerMs, firmataMs: answerMs });
  if (!info || info.firmware !== loaded.image.id) throw new AppError({ code: 'firmware-not-running', params: { path } });
  return { info, baud: reached.baud, dtr: reached.dtr, bytesWritten: loaded.bytes.length };
}

async function program(stk: Stk500, bytes: Uint8Array, path: string, emit: (event: InstallEvent) => void): Promise<void> {
  try {
    const signature = Buffer.from(await stk.signature()).toString('hex');
    if (!SIGNATURES.includes(signature)) {
      await stk.leaveProgramming().catch(() => {});
      throw new AppError({ code: 'firmware-signature-foreign', params: { path, signature } });
    }
    await stk.enterProgramming();
    const total = bytes.length;
    emit({ type: 'phase', phase: 'writing' });
    for (let address = 0; address < total; address += PAGE_BYTES) {
      await stk.programPageAt(address, bytes.subarray(address, address + PAGE_BYTES));
      emit({ type: 'progress', phase: 'writing', done: address + PAGE_BYTES, total });
    }
    emit({ type: 'phase', phase: 'verifying' });
    for (let address = 0; address < total; address += READ_BYTES) {
      const expected = bytes.subarray(address, address + READ_BYTES);
      const actual = await stk.readPageAt(address, expected.length);
      const wrong = expected.findIndex((byte, i) => actual[i] !== byte);
      if (wrong >= 0) {
        // Leave the bootloader anyway: a person may retry at once.
        await stk.leaveProgramming().catch(() => {});
        const at = `0x${(address + wrong).toString(16).padStart(4, '0')}`;
        throw new AppError({ code: 'firmware-verify-failed', params: { path, address: at } });
      }
      emit({ type: 'progress', phase: 'verifying', done: Math.min(total, address + READ_BYTES), total });
    }
    await stk.leaveProgramming();
  } finally {
    stk.dispose();
  }
}

function asInstallError(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.name === 'Stk500Error') return new AppError({ code: 'firmware-link-lost', params: { path } });
  return error;
}
