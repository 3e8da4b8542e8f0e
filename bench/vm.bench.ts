/**
 * The firmware's bytecode VM on the emulated Uno running the built RoboKit firmware (issue #11):
 * simple operations per second of BOARD time (a counting loop between two light changes, timed by
 * the rig's clock), and the upload time of a 896-byte image as a ratio to its wire time at 115200
 * baud (wall time on an emulator: a quiet goal; the goal "≤ 1 s on a real board" needs a real board).
 */
import { performance } from 'node:perf_hooks';
import { crc16 } from '../app/core/bytecode/format';
import { startEmulatedUno } from '../firmware-bridge/emulator';
import { ROBOKIT_BAUD } from '../firmware-bridge/src/detect';
import { LineTransport } from '../firmware-bridge/src/line-transport';
import { probeRobokit } from '../firmware-bridge/src/robokit-probe';
import { openSerialLink } from '../firmware-bridge/src/serial-link';
import { uploadProgram } from '../firmware-bridge/src/upload-program';
import { median, report } from './stats';

const LOOPS = 2000;
/** Per turn: LOAD_G, PUSH_I8, SUB, DUP, STORE_G, JZ, JMP. */
const OPS_PER_TURN = 7;

function image(code: number[], total?: number): Uint8Array {
  const length = total ? total - 18 : code.length;
  const bytes = new Uint8Array(16 + length + 2);
  bytes.set([0x52, 0x4b, 1, 1, length & 0xff, length >> 8, 1, 0x01]);
  bytes.set(code, 16);
  const crc = crc16(bytes, 16 + length);
  bytes[16 + length] = crc & 0xff;
  bytes[17 + length] = crc >> 8;
  return bytes;
}

// ENTER 0; PUSH_I16 LOOPS; STORE_G 0; LIGHT 1; loop@9: LOAD_G 0; PUSH_I8 1; SUB; DUP; STORE_G 0; JZ end; JMP loop; end@22: LIGHT 0; END
const COUNTING = [0x24, 0, 0x03, LOOPS & 0xff, LOOPS >> 8, 0x05, 0, 0x44, 1, 0x04, 0, 0x02, 1, 0x11, 0x09, 0x05, 0, 0x21, 23, 0, 0x20, 9, 0, 0x44, 0, 0x00];

async function main(): Promise<number> {
  const rig = await startEmulatedUno({ hexPath: 'firmware-bridge/firmware/robokit.hex' });
  try {
    const link = await openSerialLink(rig.path, ROBOKIT_BAUD);
    rig.reset();
    const hello = await probeRobokit(link, { timeoutMs: 15_000 });
    if (!hello) throw new Error('no hello');
    const transport = new LineTransport(link, { lostAfterMs: 20_000 });
    await transport.request('cfg light D13');
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      await uploadProgram(transport, image(COUNTING));
      const changes: number[] = [];
      const off = rig.onPinChange((pin, _level, t) => { if (pin === 13) changes.push(t); });
      await transport.request('prog run 1');
      await rig.waitFor(() => changes.length >= 2, 120_000);
      off();
      rates.push((LOOPS * OPS_PER_TURN) / ((changes[1]! - changes[0]!) / 1000));
    }
    const uploads: number[] = [];
    const full = image([0x00], 896);
    for (let run = 0; run < 3; run++) {
      await transport.request('prog erase');
      const started = performance.now();
      await uploadProgram(transport, full);
      uploads.push(performance.now() - started);
    }
    await transport.close();
    const wireMs = ((full.length * 2 + 18 * Math.ceil(full.length / 16)) * 10 * 1000) / 115200;
    const uploadMs = median(uploads);
    const opsPerS = median(rates);
    return report('Bytecode VM benchmark (emulated Uno)', [
      { name: 'VM simple operations per second of board time', ok: opsPerS >= 10_000, figure: `${Math.round(opsPerS).toLocaleString('en')}/s`, target: '≥ 10,000/s' },
      {
        name: 'Upload of a 896-byte image (emulated board, wall time)',
        ok: uploadMs <= 1000,
        figure: `${Math.round(uploadMs)} ms`,
        baseline: `wire time at 115200 baud ${Math.round(wireMs)} ms`,
        ratio: `${(uploadMs / wireMs).toFixed(1)}×`,
        target: '≤ 1 s',
        quiet: true,
      },
    ]);
  } finally {
    await rig.stop();
  }
}

process.exitCode = await main();
