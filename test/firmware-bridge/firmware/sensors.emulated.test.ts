/**
 * The RoboKit firmware's sensors and lights on the emulated Uno, with the rig's device models:
 * the Sharp curve through the ADC, HC-SR04 and one-wire ultrasonic sensors timed in CPU cycles,
 * line and light sensors, the button (digital on D2, analog on A7), WS2812 LEDs decoded from the
 * pin, the pen servo's pulses; `watch` reports on change, at a bounded rate, and an idle link is quiet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceFromAdc, distanceVolts } from '../../../app/core/hardware-rules';
import { startEmulatedUno, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { LinePort, ROBOKIT_HEX } from './line-port';

let rig: EmulatedUno;
let port: LinePort;

async function configure(...lines: string[]): Promise<void> {
  for (const line of ['cfg reset', ...lines]) expect(await port.ask(line), line).toBe('ok');
}

/** `read`'s value of one sensor. */
async function read(name: string): Promise<number> {
  const answer = await port.ask('read');
  const value = new RegExp(` ${name}=(-?\\d+)`).exec(answer)?.[1];
  if (value === undefined) throw new Error(`no ${name} in ${answer}`);
  return Number(value);
}

/** Waits (board time passing) until `read` gives `accept`ed value. */
async function readUntil(name: string, accept: (value: number) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read(name);
    if (accept(value) || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  port = await LinePort.open(rig.path);
  rig.reset();
  await port.waitFor((line) => line.startsWith('hello '), 10_000);
});

afterAll(async () => {
  await port?.close();
  await rig?.stop();
});

describe('RoboKit firmware: distance sensors', () => {
  it('turns the Sharp GP2Y0A21YK voltage into the host’s distance', async () => {
    await configure('cfg distance sharp A0');
    for (const cm of [12, 30, 65]) {
      rig.setAnalogVoltage(0, distanceVolts(cm));
      const raw = Math.floor((distanceVolts(cm) / 5) * 1024);
      const expected = Math.round(distanceFromAdc(raw) * 10);
      expect(await readUntil('d', (mm) => mm === expected)).toBe(expected);
      expect(Math.abs(expected - cm * 10)).toBeLessThan(cm / 2);
    }
  });

  it('times an HC-SR04 echo with its pin-change interrupt', async () => {
    await configure('cfg distance hcsr04 D12 D11');
    for (const mm of [250, 1234, 3000]) {
      rig.setUltrasonic({ trigger: 12, echo: 11 }, mm);
      expect(Math.abs((await readUntil('d', (d) => Math.abs(d - mm) <= 2)) - mm)).toBeLessThanOrEqual(2);
    }
    rig.setUltrasonic({ trigger: 12, echo: 11 }, 9000);
    expect(await readUntil('d', (d) => d === 4000)).toBe(4000); // nothing in range: the cap
  });
});

describe('RoboKit firmware: the one-wire ultrasonic sensor', () => {
  let oneWire: EmulatedUno;
  let oneWirePort: LinePort;
  afterAll(async () => {
    await oneWirePort?.close();
    await oneWire?.stop();
  });

  it('triggers and listens on one pin', async () => {
    oneWire = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
    oneWirePort = await LinePort.open(oneWire.path);
    oneWire.reset();
    await oneWirePort.waitFor((line) => line.startsWith('hello '), 10_000);
    expect(await oneWirePort.ask('cfg distance onewire D10')).toBe('ok');
    oneWire.setUltrasonic({ trigger: 10, echo: 10 }, 420);
    const deadline = performance.now() + 10_000;
    let answer = '';
    while (performance.now() < deadline) {
      answer = await oneWirePort.ask('read');
      if (/d=41[89]|d=42[012]/.test(answer)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answer).toMatch(/^ok d=(41[89]|42[012])$/);
  });
});

describe('RoboKit firmware: line, light and button', () => {
  it('reads line sensors against the threshold and the light as a percentage', async () => {
    await configure('cfg line analog A1 A2 512', 'cfg lightsensor A3');
    rig.setAnalogVoltage(1, 4);
    rig.setAnalogVoltage(2, 1);
    rig.setAnalogVoltage(3, 2.5);
    await readUntil('li', (li) => li === 50);
    expect(await port.ask('read')).toBe('ok ll=1 lr=0 li=50');
  });

  it('says when the D2 button is pressed and released', async () => {
    await configure('cfg button D2 0 1');
    const from = port.lines.length;
    rig.setDigitalInput(2, 0);
    await port.waitFor((line) => line === 'evt button 1', 10_000, from);
    expect(await read('b')).toBe(1);
    rig.setDigitalInput(2, 1);
    await port.waitFor((line) => line === 'evt button 0', 10_000, from);
  });

  it('reads an analog button on A7 (analog only, as on the mBot)', async () => {
    await configure('cfg button analog A7 100');
    rig.setAnalogVoltage(7, 5);
    expect(await readUntil('b', (b) => b === 0)).toBe(0);
    const from = port.lines.length;
    rig.setAnalogVoltage(7, 0);
    await port.waitFor((line) => line === 'evt button 1', 10_000, from);
    rig.setAnalogVoltage(7, 5);
    await port.waitFor((line) => line === 'evt button 0', 10_000, from);
  });
});

describe('RoboKit firmware: watch', () => {
  it('reports every watched value first, then only changes, at most once per period, then stops', async () => {
    await configure('cfg lightsensor A3', 'cfg distance sharp A0');
    rig.setAnalogVoltage(3, 1);
    rig.setAnalogVoltage(0, distanceVolts(40));
    await readUntil('li', (li) => li === 20);
    const stopBeats = port.heartbeats();
    try {
      const from = port.lines.length;
      expect(await port.ask('watch li,d 100')).toBe('ok');
      const first = await port.waitFor((line) => line.startsWith('s '), 5000, from);
      expect(port.lines[first]!.text).toMatch(/^s d=\d+ li=20$/);
      // the light changes far faster than the period: reports come at most once per 100 ms of board time
      const startMs = rig.emulatedMs();
      let volts = 1;
      while (rig.emulatedMs() - startMs < 1000) {
        volts = volts === 1 ? 4 : 1;
        rig.setAnalogVoltage(3, volts);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const elapsedMs = rig.emulatedMs() - startMs;
      const reports = port.lines.slice(first + 1).filter((line) => line.text.startsWith('s '));
      expect(reports.length).toBeGreaterThan(2);
      expect(reports.length).toBeLessThanOrEqual(elapsedMs / 100 + 2);
      expect(reports.every((line) => /^s li=\d+$/.test(line.text))).toBe(true); // only what changed
      expect(await port.ask('watch')).toBe('ok');
      const quietFrom = port.lines.length;
      const quietStart = rig.emulatedMs();
      while (rig.emulatedMs() - quietStart < 500) {
        rig.setAnalogVoltage(3, (volts = volts === 1 ? 4 : 1));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(port.lines.slice(quietFrom).filter((line) => line.text.startsWith('s '))).toEqual([]);
    } finally {
      await stopBeats();
    }
  });

  it('refuses sensors that are not configured, and unknown names', async () => {
    expect(await port.ask('watch ll 100')).toBe('err nocap');
    expect(await port.ask('watch x 100')).toBe('err range LIST');
    expect(await port.ask('watch li 5')).toBe('err range MS');
  });
});

describe('RoboKit firmware: lights and pen', () => {
  it('sends the colours to WS2812 LEDs', async () => {
    rig.wireRgbLeds(12);
    await configure('cfg rgb D12 3');
    expect(await port.ask('rgb 2 255 16 1')).toBe('ok');
    await rig.waitFor(() => JSON.stringify(rig.rgb(12)) === '[[0,0,0],[255,16,1],[0,0,0]]', 5000);
    expect(await port.ask('rgb 0 7 8 9')).toBe('ok');
    await rig.waitFor(() => JSON.stringify(rig.rgb(12)) === '[[7,8,9],[7,8,9],[7,8,9]]', 5000);
    expect(await port.ask('rgb 4 1 1 1')).toBe('err range I');
  });

  it('identifies itself: the light blinks at 4 Hz for 2 s and the buzzer beeps twice', async () => {
    await configure('cfg light D13', 'cfg buzzer D8');
    const lightOn: number[] = [];
    const buzzer: number[] = [];
    const off = rig.onPinChange((pin, level, tMs) => {
      if (pin === 13 && level === 1) lightOn.push(tMs);
      if (pin === 8) buzzer.push(tMs);
    });
    const stopBeats = port.heartbeats();
    try {
      expect(await port.ask('identify')).toBe('ok');
      await rig.waitFor(() => lightOn.length > 0 && rig.emulatedMs() - lightOn[0]! > 2300, 20_000);
    } finally {
      await stopBeats();
      off();
    }
    expect(lightOn).toHaveLength(8);
    expect(rig.digital(13)).toBe(0); // back to the light's own state (off)
    const beeping = buzzer.filter((t) => t - lightOn[0]! < 500);
    expect(beeping.length).toBeGreaterThan(100); // 2 kHz
    expect(buzzer.filter((t) => t - lightOn[0]! >= 500)).toEqual([]);
    const gaps = beeping.slice(1).map((t, i) => t - beeping[i]!);
    expect(gaps.filter((gap) => gap > 50)).toHaveLength(1); // two beeps
  });

  it('identify TAG says done TAG after about 2 s of board time, and stopped TAG when stop cuts it', async () => {
    const stopBeats = port.heartbeats();
    try {
      const from = port.lines.length;
      const start = rig.emulatedMs();
      expect(await port.ask('identify 7')).toBe('ok');
      await port.waitFor((line) => line === 'done 7', 30_000, from);
      expect(rig.emulatedMs() - start).toBeGreaterThanOrEqual(2000);
      const next = port.lines.length;
      expect(await port.ask('identify 8')).toBe('ok');
      expect(await port.ask('stop')).toBe('ok');
      await port.waitFor((line) => line === 'stopped 8', 10_000, next);
      expect(await port.ask('identify 70000')).toBe('err range TAG');
    } finally {
      await stopBeats();
    }
  });

  it('moves the pen servo with Timer1 pulses', async () => {
    await configure('cfg pen D9 90 30');
    await rig.waitFor(() => Math.abs((rig.servoPulseUs(9) ?? 0) - 1472) < 4, 5000); // up: 90°
    expect(await port.ask('pen 1')).toBe('ok');
    await rig.waitFor(() => Math.abs((rig.servoPulseUs(9) ?? 0) - 853) < 4, 5000); // down: 30°
  });
});
