/**
 * « Envoyer dans le robot » through the host API with a hand-written robot link: the program is
 * compiled for the connected robot's profile, checked (size, skipped `say` blocks, or one sentence
 * naming the block), then stored with progress; refused without a RoboKit robot.
 */
import { describe, expect, it } from 'vitest';
import { planRobotProgram } from '../../app/core/bytecode/robot-program';
import { findProfile } from '../../app/core/profiles';
import { createDispatcher } from '../../app/host/dispatch';
import { defaultSeams } from '../../app/host/default-seams';
import type { RobotBackend, StoreProgramOptions } from '../../app/host/seams';
import type { FirmwareSummary, RobotProgramProgress, WorkspaceJson } from '../../app/shared/api';
import { createRequestValidator } from '../../app/shared/api-validate';
import { FakeRobot } from '../core/robot-io/fake-robot';
import { instantWall, makeHost } from './helpers';

const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
const stack = (...blocks: Record<string, unknown>[]): WorkspaceJson => {
  let next: Record<string, unknown> | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(next ? { next: { block: next } } : {}) }] } };
};
const move = { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('s', 50), SECONDS: num('d', 1) } };
const say = { type: 'robokit_say', id: 'say', inputs: { TEXT: { shadow: { type: 'text', id: 't', fields: { TEXT: 'Bonjour' } } } } };
const line = { type: 'robokit_wait_until', id: 'wait', inputs: { CONDITION: { block: { type: 'robot_line', id: 'line', fields: { SIDE: 'LEFT' } } } } };

const ROBOKIT: FirmwareSummary = { kind: 'robokit', name: 'RoboKit', version: '1.0.0' };
const FIRMATA: FirmwareSummary = { kind: 'firmata', name: 'StandardFirmata.ino', version: '2.5' };

function backend(firmware: FirmwareSummary) {
  const stored: Array<{ image: Uint8Array; autostart: boolean }> = [];
  const robots: RobotBackend = {
    listPorts: async () => [{ path: '/dev/ttyACM0', label: 'Uno', likelyRobot: true }],
    open: async () => ({
      io: new FakeRobot({ link: true }),
      firmware: () => firmware,
      close: async () => {},
      ...(firmware.kind === 'robokit'
        ? {
            storeProgram: async (image: Uint8Array, { autostart, onProgress }: StoreProgramOptions) => {
              for (let sent = 16; sent < image.length; sent += 16) onProgress({ sent, total: image.length });
              onProgress({ sent: image.length, total: image.length });
              stored.push({ image, autostart });
            },
          }
        : {}),
    }),
  };
  return { robots, stored };
}

async function connected(firmware: FirmwareSummary, profile = 'arduino-2wd') {
  const { robots, stored } = backend(firmware);
  const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots });
  await host.listPorts();
  expect(await host.connect({ port: '/dev/ttyACM0', profile })).toMatchObject({ state: 'ready' });
  return { host, stored };
}

describe('HostService: « Envoyer dans le robot »', () => {
  it('checks before sending: the size of 896 and the say blocks the robot skips, named', async () => {
    const { host } = await connected(ROBOKIT);
    const check = await host.checkRobotProgram({ workspace: stack(say, move) });
    expect(check).toMatchObject({ fits: true, max: 896, skipped: [{ code: 'bytecode-say-skipped', blockId: 'say' }] });
    if (!check.fits) return;
    const plan = planRobotProgram(stack(say, move), findProfile('arduino-2wd')!);
    expect(check.bytes).toBe(plan.ok ? plan.image.length : -1);
    expect(check.skipped[0]!.message!.fr).toMatch(/«\s?dire “Bonjour”\s?» sera sauté/);
  });

  it('sends: progress to the last byte, the image compiled for the connected robot, autostart passed on', async () => {
    const { host, stored } = await connected(ROBOKIT);
    const progress: RobotProgramProgress[] = [];
    host.onDidReportProgramUpload((p) => progress.push(p));
    const result = await host.sendRobotProgram({ workspace: stack(move), autostart: true });
    expect(result).toMatchObject({ sent: true, max: 896, autostart: true, skipped: [] });
    const plan = planRobotProgram(stack(move), findProfile('arduino-2wd')!);
    if (!plan.ok || !result.sent) throw new Error('must fit');
    expect(stored).toEqual([{ image: plan.image, autostart: true }]);
    expect(result.bytes).toBe(plan.image.length);
    expect(progress.at(-1)).toEqual({ sent: plan.image.length, total: plan.image.length });
  });

  it('refuses a sensor the connected robot lacks with one sentence naming the block; nothing is sent', async () => {
    const { host, stored } = await connected(ROBOKIT, 'servo-bot');
    const result = await host.sendRobotProgram({ workspace: stack(move, line), autostart: false });
    expect(result).toMatchObject({ sent: false, problems: [{ code: 'bytecode-missing-part', blockId: 'line' }] });
    if (result.sent) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message!.fr).toMatch(/Le bloc «\s?ligne noire à gauche\s?» ne peut pas aller dans ce robot/);
    expect(stored).toEqual([]);
  });

  it('refuses a program that only talks', async () => {
    const { host, stored } = await connected(ROBOKIT);
    const result = await host.sendRobotProgram({ workspace: stack(say), autostart: false });
    expect(result).toMatchObject({ sent: false, problems: [{ code: 'bytecode-say-only', blockId: 'say' }] });
    expect(stored).toEqual([]);
  });

  it('says the RoboKit firmware is needed on a StandardFirmata robot, and that a robot is needed at all', async () => {
    const { host } = await connected(FIRMATA);
    await expect(host.checkRobotProgram({ workspace: stack(move) })).rejects.toMatchObject({ code: 'bytecode-needs-robokit-firmware' });
    await expect(host.sendRobotProgram({ workspace: stack(move), autostart: false })).rejects.toMatchObject({ code: 'bytecode-needs-robokit-firmware' });
    await host.disconnect();
    await expect(host.checkRobotProgram({ workspace: stack(move) })).rejects.toMatchObject({ code: 'not-connected' });
  });

  it('validates the request: the workspace and « Démarrer tout seul » are required', async () => {
    const { host } = await connected(ROBOKIT);
    const dispatch = createDispatcher(host, createRequestValidator(), () => {});
    expect(await dispatch('sendRobotProgram', { workspace: stack(move) })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch('sendRobotProgram', { workspace: stack(move), autostart: false, port: '/dev/sda' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch('sendRobotProgram', { workspace: stack(move), autostart: false })).toMatchObject({ ok: true, value: { sent: true } });
  });
});
