/**
 * One semantics (issue #11): the same programs — the compiler's golden cases and every built-in lesson
 * solution — run on the host runtime (virtual time, 1 ms steps) and as bytecode on the reference VM
 * (docs/bytecode.md's executable spec). Their actuator timelines must agree: the same sequence of
 * robot states (motors, light, tone, pen), each held for the same time within 2 ms.
 * Programs that use text, or that cannot go into the robot, are listed and must be refused cleanly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBytecode } from '../../../app/core/bytecode/compile-bytecode';
import { PROGRAM_MAX_BYTES } from '../../../app/core/bytecode/format';
import { compile } from '../../../app/core/compiler';
import type { Program } from '../../../app/core/ir';
import { findProfile, type Profile } from '../../../app/core/profiles';
import type { Light, Motors, Pen, RobotIo, Sound } from '../../../app/core/robot-io';
import { driveVirtual } from '../../../app/core/runtime/drive-virtual';
import { Runtime } from '../../../app/core/runtime/runtime';
import { expectedProgram, loadGoldens } from '../compiler/golden-files';
import { runImage } from './reference-vm';

const LIMIT_MS = 4_000;
const SEED = 7;
const TOLERANCE_MS = 2;

interface Change {
  readonly t: number;
  readonly state: string;
}

/**
 * A robot that keeps only its state changes (a loop without waits sets the same motors a million
 * times), with fixed sensor readings: distance 100 cm, no line, light 50, button up.
 */
class StateRobot implements RobotIo {
  readonly changes: Change[] = [];
  private s = { left: 0, right: 0, light: false, tone: 0, pen: false };
  readonly motors: Motors;
  readonly light: Light;
  readonly sound: Sound;
  readonly pen: Pen;
  readonly distance = { readDistance: () => 100 };
  readonly line = { readLine: () => false };
  readonly lightSensor = { readLight: () => 50 };
  readonly button = { readButton: () => false };

  constructor(private readonly now: () => number) {
    this.motors = { setMotors: (left, right) => this.set({ left, right }) };
    this.light = { setLight: (on) => this.set({ light: on }) };
    this.sound = { tone: (hz) => this.set({ tone: hz }), noTone: () => this.set({ tone: 0 }) };
    this.pen = { setPen: (down) => this.set({ pen: down }) };
  }

  async prepare(): Promise<void> {}

  async stopAll(): Promise<void> {
    this.set({ left: 0, right: 0, tone: 0 });
  }

  private set(change: Partial<StateRobot['s']>): void {
    this.s = { ...this.s, ...change };
    const { left, right, light, tone, pen } = this.s;
    const state = `motors ${left} ${right}, light ${light}, tone ${tone}, pen ${pen}`;
    if (this.changes.at(-1)?.state !== state) this.changes.push({ t: this.now(), state });
  }
}

async function onHost(program: Program, profile: Profile): Promise<Change[]> {
  const world = { timeMs: 0, step(dt: number) { this.timeMs += dt; } };
  const clock = { now: () => world.timeMs };
  const robot = new StateRobot(clock.now);
  const runtime = new Runtime(program, robot, clock, { profile, seed: SEED });
  await driveVirtual(runtime, world, { dtMs: 1, timeoutMs: LIMIT_MS });
  return robot.changes.filter((c) => c.t < LIMIT_MS);
}

function onVm(image: Uint8Array): { changes: Change[]; end: string } {
  const clock = { timeMs: 0 };
  const robot = new StateRobot(() => clock.timeMs);
  const end = runImage(image, robot, clock, LIMIT_MS, SEED);
  return { changes: robot.changes.filter((c) => c.t < LIMIT_MS), end };
}

/** Same states in the same order, each held as long within the tolerance (times are per action, not cumulative). */
function expectSameTimeline(host: Change[], vm: Change[], label: string): void {
  expect(vm.map((c) => c.state), label).toEqual(host.map((c) => c.state));
  for (let i = 1; i < host.length; i++) {
    const held = host[i]!.t - host[i - 1]!.t;
    const heldVm = vm[i]!.t - vm[i - 1]!.t;
    expect(Math.abs(held - heldVm), `${label}: state ${i} (${host[i - 1]!.state}) held ${held} ms on the host, ${heldVm} ms on the VM`).toBeLessThanOrEqual(TOLERANCE_MS);
  }
}

interface Case {
  readonly label: string;
  readonly program: Program;
  readonly profile: Profile;
}

function goldenCases(): Case[] {
  return loadGoldens().flatMap(({ file, golden }) => {
    const program = expectedProgram(golden);
    const profile = findProfile(golden.profile);
    return program && profile ? [{ label: `golden ${file}`, program, profile }] : [];
  });
}

function solutionCases(): Case[] {
  const root = join(import.meta.dirname, '../../../lessons');
  const out: Case[] = [];
  for (const pack of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort()) {
    const projects = join(root, pack, 'projects');
    for (const file of readdirSync(projects).filter((f) => f.endsWith('-solution.robokit')).sort()) {
      const project = JSON.parse(readFileSync(join(projects, file), 'utf8')) as { profile: string; workspace: unknown };
      const profile = findProfile(project.profile)!;
      const result = compile(project.workspace, { profile });
      if (result.program) out.push({ label: `${pack}/${file}`, program: result.program, profile });
    }
  }
  return out;
}

const CASES = [...goldenCases(), ...solutionCases()];
/** Comparisons where the robot did something (at least two state changes on the host). */
let compared = 0;
/** Goldens about text (say, text comparisons) cannot go into the robot: refused, never half-compiled. */
const TEXT_CODES = new Set(['bytecode-text', 'bytecode-compare-yes-no']);
/** A golden made huge on purpose (nesting limits) is refused as too big. */
const REFUSED_GOLDEN = new Set([...TEXT_CODES, 'bytecode-too-big']);

describe('bytecode conformance: host runtime vs the reference VM', () => {
  it('has goldens and every built-in solution to run', () => {
    expect(CASES.filter((c) => c.label.startsWith('golden')).length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => !c.label.startsWith('golden')).length).toBeGreaterThanOrEqual(17);
  });

  it('every built-in lesson solution fits in the robot', () => {
    const sizes = CASES.filter((c) => !c.label.startsWith('golden')).map((c) => {
      const result = compileBytecode(c.program, c.profile);
      return { label: c.label, ok: result.ok, bytes: result.ok ? result.image.length : -1, why: result.ok ? '' : result.problems[0]!.code };
    });
    const refused = sizes.filter((s) => !s.ok && !TEXT_CODES.has(s.why));
    expect(refused, JSON.stringify(refused)).toEqual([]);
    for (const s of sizes.filter((x) => x.ok)) expect(s.bytes).toBeLessThanOrEqual(PROGRAM_MAX_BYTES);
  });

  for (const c of CASES) {
    it(`${c.label}: same timeline`, async () => {
      const result = compileBytecode(c.program, c.profile, { seed: SEED, fixedSeed: true });
      if (!result.ok) {
        const allowed = c.label.startsWith('golden') ? REFUSED_GOLDEN : TEXT_CODES;
        expect(allowed.has(result.problems[0]!.code), `${c.label}: ${JSON.stringify(result.problems)}`).toBe(true);
        return;
      }
      const host = await onHost(c.program, c.profile);
      const vm = onVm(result.image);
      expectSameTimeline(host, vm.changes, c.label);
      if (host.length >= 2) compared++;
    }, 60_000); // a forever program runs its whole limit at 1 ms steps: ~1 s quiet, 23 s seen at load 20
  }

  it('compared real timelines, not empty ones', () => {
    expect(compared).toBeGreaterThanOrEqual(25);
  });
});
