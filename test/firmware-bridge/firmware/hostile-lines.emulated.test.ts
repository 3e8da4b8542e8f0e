/**
 * 10,000 random and hostile lines at the RoboKit firmware on the emulated Uno (garbage, binary,
 * too long, unknown commands, known commands with wrong numbers), sent as a host does (at most
 * 48 bytes unanswered): the board answers every one with an error, in order, never resets (its
 * watchdog would say hello again), never drives a motor, and still answers hello after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/core/random';
import { startEmulatedUno, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { hostileLine, isEmpty } from './hostile-lines';
import { LinePort, ROBOKIT_HEX, isEvent } from './line-port';

const LINES = 10_000;
const WINDOW_BYTES = 48;
const MOTOR_PINS = [5, 6];

let rig: EmulatedUno;
let port: LinePort;

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  port = await LinePort.open(rig.path);
  rig.reset();
  await port.waitFor((line) => line.startsWith('hello '), 10_000);
  for (const line of ['cfg reset', 'cfg motors hbridge D5 D4 D6 D7 1', 'cfg buzzer D8']) expect(await port.ask(line)).toBe('ok');
});

afterAll(async () => {
  await port?.close();
  await rig?.stop();
});

describe('RoboKit firmware under 10,000 hostile lines', () => {
  it('answers each with an error, never resets, never drives a motor, and still says hello', async () => {
    const random = createRandom(0x9e3779b9);
    const from = port.lines.length;
    const historyFrom = MOTOR_PINS.map((pin) => rig.pwmHistory(pin).length);
    const inFlight: number[] = []; // bytes of each unanswered line, oldest first
    let answered = 0;
    let expected = 0;
    let next = from;
    const recent: string[] = [];
    const collect = () => {
      for (; next < port.lines.length; next++) {
        if (isEvent(port.lines[next]!.text)) continue;
        inFlight.shift();
        answered++;
      }
    };
    for (let sent = 0; sent < LINES; sent++) {
      const line = hostileLine(random);
      if (isEmpty(line)) continue;
      const size = line.length + 1;
      const deadline = performance.now() + 20_000;
      while (inFlight.length > 0 && inFlight.reduce((a, b) => a + b, 0) + size > WINDOW_BYTES) {
        if (performance.now() > deadline) {
          throw new Error(`no answer after line ${sent}: sent ${recent.join(' | ')}; got ${JSON.stringify(port.lines.slice(-5))}`);
        }
        await port.nextLine(100);
        collect();
      }
      inFlight.push(size);
      recent.push(Buffer.from(line).toString('hex'));
      if (recent.length > 6) recent.shift();
      expected++;
      await port.write(Uint8Array.from([...line, 0x0a]));
    }
    await rig.waitFor(() => (collect(), answered === expected), 60_000);

    const received = port.lines.slice(from).map((line) => line.text);
    const answers = received.filter((line) => !isEvent(line));
    expect(answers).toHaveLength(expected);
    expect([...new Set(answers.filter((line) => !line.startsWith('err ')))]).toEqual([]);
    expect(answers.filter((line) => line === 'err long').length).toBeGreaterThan(LINES / 20);
    // a watchdog reset would announce the board again; nothing moved
    expect(received.filter((line) => line.startsWith('hello'))).toEqual([]);
    MOTOR_PINS.forEach((pin, index) => {
      expect(rig.pwmHistory(pin).slice(historyFrom[index]).filter((change) => change.duty !== 0)).toEqual([]);
    });
    expect(await port.ask('hello')).toMatch(/^hello fw=robokit /);
  }, 600_000);
});
