/**
 * Fifteen robots in one room, with two: two emulated Unos running the built RoboKit firmware, each
 * with its own name. Asking each port who is there gives both names and ids; identifying one blinks
 * D13 on that board only (counted from the pins, in board time), and the other stays dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import type { Scheduler } from '../../firmware-bridge/src/command-queue';
import { identifyOn, nameRobotOn, renumberRobotOn, whoIsOn } from '../../firmware-bridge/src/robokit-roll-call';
import { configureBoard, ROBOKIT_HEX } from './firmware/line-port';
import { edgesDuring } from './rig/robokit-observer';

const OPTIONS = { timeoutMs: 30_000 } as const;
let lila: EmulatedUno;
let tom: EmulatedUno;

/** The light on D13 and a buzzer, as a kit with a light has them (the name is the test's). */
const wireLight = (uno: EmulatedUno): Promise<void> => configureBoard(uno, ['cfg light D13', 'cfg buzzer D8']);

/** D13's edges on `uno` while `during` runs. */
const edgesOn13 = (uno: EmulatedUno, during: () => Promise<unknown>): Promise<number> => edgesDuring(uno, 13, during);

/**
 * The host's clock in the board's time: the robot times its identify (about 2 s), and the host keeps
 * the link alive that long — on a loaded machine the emulator runs far slower than the wall clock.
 */
function boardClock(uno: EmulatedUno): Scheduler {
  return {
    now: () => uno.emulatedMs(),
    setTimer: (fn, ms) => {
      const until = uno.emulatedMs() + ms;
      let live = true;
      const poll = (): void => {
        if (!live) return;
        if (uno.emulatedMs() >= until) fn();
        else setTimeout(poll, 5);
      };
      setTimeout(poll, 5);
      return () => {
        live = false;
      };
    },
  };
}

beforeAll(async () => {
  // Two new boards flashed alike (erased EEPROM): each boots with no id (00000000) until the host
  // meets it and gives it a random one.
  [lila, tom] = await Promise.all([startEmulatedUno({ hexPath: ROBOKIT_HEX }), startEmulatedUno({ hexPath: ROBOKIT_HEX })]);
  await wireLight(lila);
  await wireLight(tom);
}, 120_000);
afterAll(async () => {
  await lila?.stop();
  await tom?.stop();
});

describe('two RoboKit robots in one room', () => {
  it('each keeps the name it is given; asking each port shows both names, and two different ids', async () => {
    expect((await nameRobotOn(lila.path, 'Robot Lila', OPTIONS))?.name).toBe('Robot Lila');
    expect((await nameRobotOn(tom.path, 'Robot Tom', OPTIONS))?.name).toBe('Robot Tom');
    const [a, b] = [await whoIsOn(lila.path, OPTIONS), await whoIsOn(tom.path, OPTIONS)];
    expect([a?.name, b?.name]).toEqual(['Robot Lila', 'Robot Tom']);
    expect(a?.id).toMatch(/^[0-9A-F]{8}$/);
    expect(b?.id).toMatch(/^[0-9A-F]{8}$/);
    expect(a?.id).not.toBe(b?.id);
    expect([a?.id, b?.id]).not.toContain('00000000');
    // Kept in the robot: asked again, each says the same id.
    expect((await whoIsOn(lila.path, OPTIONS))?.id).toBe(a?.id);
  }, 120_000);

  it('renumbering a robot (two that said the same id) gives it a new id it keeps', async () => {
    const before = await whoIsOn(tom.path, OPTIONS);
    const after = await renumberRobotOn(tom.path, { ...OPTIONS, random: () => Uint8Array.of(0x12, 0x34, 0xab, 0xcd) });
    expect(after?.id).toBe('1234ABCD');
    expect((await whoIsOn(tom.path, OPTIONS))?.id).toBe('1234ABCD');
    expect(before?.id).not.toBe('1234ABCD');
  }, 120_000);

  it('refuses a name the robot cannot keep, with a sentence', () => {
    expect(() => nameRobotOn(lila.path, 'x'.repeat(25))).toThrow(expect.objectContaining({ code: 'robot-name-invalid' }));
    expect(() => nameRobotOn(lila.path, 'deux\nlignes')).toThrow(expect.objectContaining({ code: 'robot-name-invalid' }));
  });

  it('« Identifier » blinks only the chosen robot: D13 on its board, not on the other', async () => {
    let lilaEdges = 0;
    const tomEdges = await edgesOn13(tom, async () => {
      const lilaStart = lila.emulatedMs();
      lilaEdges = await edgesOn13(lila, async () => expect((await identifyOn(lila.path, { ...OPTIONS, scheduler: boardClock(lila) }))?.name).toBe('Robot Lila'));
      console.log(`identify: ${lilaEdges} D13 edges on Lila's board over ${(lila.emulatedMs() - lilaStart).toFixed(0)} ms of board time, 0 wanted on Tom's`);
    });
    // 4 Hz for about 2 s of board time: about 16 edges (the failsafe would have cut it to 2)
    expect(lilaEdges).toBeGreaterThanOrEqual(10);
    expect(tomEdges).toBe(0);
  }, 120_000);
});
