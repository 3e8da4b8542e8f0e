/**
 * « Lancer », « Vérifier » and `robokit run` build their runs with the core's one `startRun`: the
 * same program and seed give the same trace through all three. The program is made to tell them
 * apart if they differ: a loop without waits (its simulated duration depends on the step budget),
 * random motor powers and a random number said aloud (they depend on the seed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnRobotIo } from '../../../app/cli/commands/run-robot';
import type { Output } from '../../../app/cli/output';
import { checkChallenge } from '../../../app/core/challenge';
import { compile } from '../../../app/core/compiler/compile';
import type { Lesson } from '../../../app/core/lessons/types';
import { findProfile } from '../../../app/core/profiles';
import type { RunEvent } from '../../../app/core/runtime/events';
import { findWorld } from '../../../app/core/simulator/built-in-worlds';
import type { Pose } from '../../../app/core/simulator/world';
import { runInSimulator } from '../../../app/core/run/sim-run';
import { createRunEngine, type WallClock } from '../../../app/host/run/run-engine';
import type { WorkspaceJson } from '../../../app/shared/api';
import { lines, robokit } from '../../cli/robokit';
import { FakeRobot } from '../../core/robot-io/fake-robot';
import { instantWall } from '../helpers';
import { num, stack } from './workspaces';

const profile = findProfile('arduino-2wd')!;
const world = findWorld('empty-table')!;

type Block = Record<string, unknown>;
const random = (id: string, from: number, to: number): Block => ({
  block: { type: 'math_random_int', id, inputs: { FROM: num(`${id}-a`, from), TO: num(`${id}-b`, to) } },
});
const x = (id: string): Block => ({ block: { type: 'variables_get', id, fields: { VAR: { id: 'x' } } } });
const chain = (...blocks: Block[]): Block => {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return next!;
};

/** Count to 3,000 without waiting, say it, then four random drives with a random number said after each. */
const workspace: WorkspaceJson = {
  ...stack(
    { type: 'controls_repeat_ext', id: 'count', inputs: { TIMES: num('count-n', 3000), DO: { block: { type: 'math_change', id: 'inc', fields: { VAR: { id: 'x' } }, inputs: { DELTA: num('inc-d', 1) } } } } },
    { type: 'robokit_say', id: 'said-x', inputs: { TEXT: x('x1') } },
    {
      type: 'controls_repeat_ext',
      id: 'drives',
      inputs: {
        TIMES: num('drives-n', 4),
        DO: {
          block: chain(
            { type: 'robot_motors', id: 'drive', inputs: { LEFT: random('l', -100, 100), RIGHT: random('r', -100, 100) } },
            { type: 'robokit_wait', id: 'wait', inputs: { SECONDS: num('wait-s', 0.4) } },
            { type: 'robokit_say', id: 'said-n', inputs: { TEXT: random('n', 1, 1_000_000) } },
          ),
        },
      },
    },
    { type: 'robot_stop', id: 'stop' },
  ),
  variables: [{ name: 'x', id: 'x' }],
};
const program = compile(workspace, { profile }).program!;

/** What the UI keeps of a run (block events are coalesced per frame in « Lancer »). */
const visible = (events: readonly RunEvent[]) => events.filter((e) => e.type !== 'block');

/** A wall clock whose time moves only from one timer to the next: a robot run without waiting. */
function steppingWall(): WallClock {
  let t = 0;
  let id = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let pumping = false;
  const pump = () => {
    pumping = false;
    const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
    if (!next) return;
    timers.delete(next[0]);
    t = Math.max(t, next[1].at);
    next[1].fn();
    schedule();
  };
  const schedule = () => {
    if (!pumping && timers.size > 0) {
      pumping = true;
      setImmediate(pump);
    }
  };
  const wall: WallClock = {
    now: () => t,
    setTimeout: (fn, ms) => {
      timers.set(++id, { at: t + ms, fn });
      schedule();
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    sleep: (ms) => new Promise((resolve) => wall.setTimeout(resolve, ms)),
  };
  return wall;
}

interface Played {
  readonly events: RunEvent[];
  readonly frames: { t: number; pose: Pose }[];
}

async function lancer(target: 'sim' | 'robot'): Promise<Played> {
  const events: RunEvent[] = [];
  const frames: { t: number; pose: Pose }[] = [];
  const io = new FakeRobot();
  await new Promise<void>((resolve) => {
    createRunEngine({ wall: target === 'sim' ? instantWall : steppingWall(), frameMs: 10 }).start(
      program,
      target === 'sim' ? { kind: 'sim', profile, world } : { kind: 'robot', profile, io },
      { paused: false },
      {
        event: (e) => events.push(e),
        state: (state) => state === 'ended' && setTimeout(resolve, 0),
        simulation: (frame) => frames.push({ t: frame.t, pose: frame.pose }),
        sensors: () => undefined,
      },
    );
  });
  return { events, frames };
}

const lesson = (goal: Lesson['challenge']): Lesson => ({
  id: 'meme-trace',
  title: { fr: 'Même trace', en: 'Same trace' },
  mode: 'solo',
  minutes: 5,
  toolbox: ['controls_repeat_ext', 'math_change', 'robokit_say', 'variables_get', 'robot_motors', 'math_random_int', 'robokit_wait', 'robot_stop', 'math_number'],
  starter: 'depart.robokit',
  steps: [],
  ...(goal ? { challenge: goal } : {}),
});

describe('one startRun: « Lancer », « Vérifier » and `robokit run` agree', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'robokit-same-run-'));
    file = join(dir, 'meme.robokit');
    const project = { format: 'robokit-project', version: 1, name: 'Même trace', profile: 'arduino-2wd', workspace, updatedAt: '2026-01-01T00:00:00.000Z' };
    await writeFile(file, JSON.stringify(project));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('in the simulator: the same events at the same simulated times, and the same end pose', async () => {
    const cli = await robokit(['run', file, '--robot', 'sim', '--json']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const fromCli = lines(cli.stdout).map((l) => JSON.parse(l) as RunEvent);

    const fromCheck: RunEvent[] = [];
    const verdict = await checkChallenge(workspace, lesson({ world: 'monde.json', goal: { neverTouchWall: true }, timeLimitSeconds: 60 }), world, profile, {
      onEvent: (e) => fromCheck.push(e),
    });
    expect(verdict.diagnostics).toEqual([]);

    const fromApp = await lancer('sim');

    // The loop without waits takes 3,000 iterations at 250 statements per 10 ms step.
    const saidCount = fromCli.find((e) => e.type === 'say');
    expect(saidCount).toMatchObject({ text: '3000' });
    expect(saidCount!.t).toBeGreaterThan(200);
    expect(fromCheck).toEqual(fromCli);
    expect(visible(fromApp.events)).toEqual(visible(fromCli));
    expect(fromCli.at(-1)).toMatchObject({ type: 'end', reason: 'finished', t: verdict.timeMs });

    // « Lancer » shows the robot where the judged run's trace has it, at every common time.
    const { trace } = await runInSimulator(program, { world, profile });
    const frameAt = new Map(fromApp.frames.map((f) => [f.t, f.pose]));
    const common = trace.samples.filter((s) => frameAt.has(s.t));
    expect(common.length).toBeGreaterThan(20);
    for (const sample of common) {
      const pose = frameAt.get(sample.t)!;
      expect([pose.x, pose.y, pose.heading]).toEqual([sample.x, sample.y, sample.heading]);
    }
  });

  it('on a robot: « Lancer » and `robokit run` draw the same random numbers (one fixed seed, not Math.random)', async () => {
    const printed: string[] = [];
    const output: Output = { out: (line) => printed.push(line), err: () => undefined };
    const robot = new FakeRobot();
    const code = await runOnRobotIo({ project: null as never, profile, program }, robot, { json: true, timeoutMs: undefined, world: undefined, robot: 'fake' }, output, steppingWall());
    expect(code).toBe(0);
    const fromCli = printed.map((l) => JSON.parse(l) as RunEvent);
    const fromApp = await lancer('robot');
    const said = (events: readonly RunEvent[]) => events.flatMap((e) => (e.type === 'say' ? [e.text] : []));
    const drives = (events: readonly RunEvent[]) => events.flatMap((e) => (e.type === 'motors' && e.left !== 0 ? [[e.left, e.right]] : []));
    expect(said(fromCli)).toHaveLength(5);
    expect(said(fromApp.events)).toEqual(said(fromCli));
    expect(drives(fromApp.events)).toEqual(drives(fromCli));
    // And the simulator draws the same numbers too.
    const inSim = await lancer('sim');
    expect(said(inSim.events)).toEqual(said(fromCli));
  });
});
