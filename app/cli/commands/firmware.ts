/**
 * `robokit firmware install --port PATH [--firmware robokit|firmata] [--json]` and
 * `robokit firmware info --port PATH [--json]`: install the robot's firmware through its
 * bootloader and check it; say which firmware answers. Exit 0 done, 1 verification failed,
 * 2 bad input or a board RoboKit does not program, 3 board not answering.
 */
import { AppError } from '../../core/errors';
import { localized, type MessageCode } from '../../core/i18n/messages';
import { troubleshooting } from '../../core/troubleshooting';
import { openBootLink } from '../../../firmware-bridge/src/install/boot-link';
import {
  FIRMWARE_IMAGES,
  firmwareDir,
  isFirmwareId,
  loadFirmwareImage,
  type FirmwareId,
} from '../../../firmware-bridge/src/install/firmware-images';
import { identifyFirmware } from '../../../firmware-bridge/src/install/identify-firmware';
import { installFirmware, type InstallEvent } from '../../../firmware-bridge/src/install/install-firmware';
import { firmwareStatus } from '../../../firmware-bridge/src/install/firmware-status';
import { guessBoard, listPorts, type BoardGuess } from '../../../firmware-bridge/src/ports';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../args';
import { EXIT, explain, type ExitCode, type Output } from '../output';

const OPTIONS = {
  port: { type: 'string' },
  firmware: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Codes that mean "the board did not answer" (exit 3); a failed check of the written bytes is 1. */
const NOT_ANSWERING: ReadonlySet<string> = new Set(['firmware-bootloader-silent', 'firmware-link-lost', 'firmware-not-running', 'firmware-none']);

export async function firmwareCommand(argv: string[], output: Output): Promise<ExitCode> {
  const [action, ...rest] = argv;
  if (action !== 'install' && action !== 'info') {
    throw new AppError({ code: 'bad-usage', params: { detail: 'robokit firmware install|info --port PATH' } });
  }
  const { values } = parse(rest, OPTIONS, { min: 0, max: 0 });
  const path = values.port;
  if (typeof path !== 'string' || path === '') throw new AppError({ code: 'bad-usage', params: { detail: '--port PATH' } });
  const json = values.json === true;
  const board = await boardOn(path);
  try {
    return action === 'info' ? await info(path, json, output) : await install(path, values.firmware, board, json, output);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return fail(error, board, json, output);
  }
}

async function install(path: string, requested: unknown, board: BoardGuess, json: boolean, output: Output): Promise<ExitCode> {
  const id = chooseFirmware(requested);
  const loaded = await loadFirmwareImage(id);
  const started = Date.now();
  const onEvent = json ? (event: InstallEvent) => output.out(JSON.stringify(eventJson(event))) : progressPrinter(output);
  const result = await installFirmware({ path, loaded, board, onEvent }, openBootLink);
  const seconds = (Date.now() - started) / 1000;
  if (json) {
    output.out(JSON.stringify({ type: 'done', ...result.info, bytes: result.bytesWritten, seconds, baud: result.baud }));
  } else {
    explain(output, 'firmware-installed', { firmware: result.info.name, version: result.info.version });
  }
  return EXIT.ok;
}

async function info(path: string, json: boolean, output: Output): Promise<ExitCode> {
  const found = await identifyFirmware(path, openBootLink);
  if (!found) throw new AppError({ code: 'firmware-none', params: { path } });
  const status = firmwareStatus(found);
  if (json) {
    output.out(JSON.stringify({ ...found, latest: status.latest, upToDate: status.upToDate }));
  } else {
    const who = found.robotName ? ` — ${found.robotName}${found.robotId ? ` (${found.robotId})` : ''}` : '';
    output.out(`${found.name} ${found.version}${who}`);
    explain(output, status.code, status.params);
  }
  return EXIT.ok;
}

/** robokit when this install ships it (recommended), else StandardFirmata. */
function chooseFirmware(requested: unknown): FirmwareId {
  if (requested === undefined) {
    const dir = firmwareDir();
    return dir && existsSync(join(dir, FIRMWARE_IMAGES.robokit.file)) ? 'robokit' : 'firmata';
  }
  if (typeof requested === 'string' && isFirmwareId(requested)) return requested;
  throw new AppError({ code: 'firmware-unknown', params: { firmware: String(requested) } });
}

async function boardOn(path: string): Promise<BoardGuess> {
  const ports = await listPorts().catch(() => []);
  return ports.find((port) => port.path === path)?.board ?? guessBoard(undefined, undefined);
}

function fail(error: AppError, board: BoardGuess, json: boolean, output: Output): ExitCode {
  const help = troubleshooting(error.code, process.platform, board.kind);
  if (json) {
    output.out(
      JSON.stringify({
        type: 'error',
        code: error.code,
        message: localized(error.code, error.params),
        help: help.map((code) => localized(code, error.params)),
      }),
    );
  } else {
    explain(output, error.code, error.params);
    for (const code of help) explain(output, code, error.params);
  }
  if (error.code === 'firmware-verify-failed') return EXIT.runtimeError;
  return NOT_ANSWERING.has(error.code) || error.code.startsWith('robot-') ? EXIT.robotUnreachable : EXIT.badInput;
}

function eventJson(event: InstallEvent): object {
  if (event.type === 'press-reset') return { ...event, message: localized('firmware-press-reset') };
  return event;
}

/** For people: each phase once, the reset request, and a percentage every tenth. */
function progressPrinter(output: Output): (event: InstallEvent) => void {
  let lastTenth = -1;
  return (event) => {
    if (event.type === 'press-reset') return explain(output, 'firmware-press-reset');
    if (event.type === 'phase') {
      lastTenth = -1;
      const code = `firmware-phase-${event.phase}` as MessageCode;
      return explain(output, code);
    }
    const tenth = Math.floor((event.done / event.total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    output.err(`robokit : ${tenth * 10} %`);
  };
}
