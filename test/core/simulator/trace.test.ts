import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../app/core/simulator/simulation';
import { ROBOT_RADIUS_CM } from '../../../app/core/simulator/robot-body';
import type { World } from '../../../app/core/simulator/world';
import type { Profile } from '../../../app/core/profiles';
import { makeWorld, SIM_PROFILE } from './make-world';

const sim = (extra: Partial<World>, profile: Profile = SIM_PROFILE) => new Simulation(makeWorld(extra), profile);
const wallAt150 = { walls: [{ from: [150, 0], to: [150, 300] }] as World['walls'] };

describe('collisions', () => {
  it('stop the robot against a wall and record the contact once', () => {
    const s = sim(wallAt150);
    s.io.motors!.setMotors(100, 100);
    s.step(3000);
    expect(s.pose.x).toBeCloseTo(150 - ROBOT_RADIUS_CM, 2);
    expect(s.pose.x).toBeLessThanOrEqual(150 - ROBOT_RADIUS_CM);
    const { collisions } = s.trace;
    expect(collisions).toHaveLength(1);
    // 42 cm at 30 cm/s: contact at 1.4 s.
    expect(collisions[0]!.t).toBe(1400);
    expect(collisions[0]!.x).toBeCloseTo(142, 2);
  });

  it('record a new contact after backing away and driving in again, not while pushing', () => {
    const s = sim(wallAt150);
    s.io.motors!.setMotors(100, 100);
    s.step(2000);
    s.io.motors!.setMotors(-50, -50);
    s.step(500);
    s.io.motors!.setMotors(100, 100);
    s.step(1000);
    expect(s.trace.collisions.map((c) => c.t)).toEqual([1400, 2750]);
  });

  it('let the robot turn in place against a wall and drive away', () => {
    const s = sim(wallAt150);
    s.io.motors!.setMotors(100, 100);
    s.step(2000);
    s.io.motors!.setMotors(-50, 50);
    s.step(2000);
    s.io.motors!.setMotors(100, 100);
    s.step(1000);
    expect(s.pose.heading).toBeCloseTo(180, 6);
    expect(s.pose.x).toBeCloseTo(142 - 30, 1);
  });

  it('never let a very fast robot tunnel through a thin wall, or circles and the border', () => {
    const fast: Profile = { ...SIM_PROFILE, calibration: { cmPerSecond: 5000, degreesPerSecond: 180 } };
    const s = sim(wallAt150, fast);
    s.io.motors!.setMotors(100, 100);
    s.step(100);
    expect(s.pose.x).toBeLessThanOrEqual(142);
    expect(s.pose.x).toBeGreaterThan(141.9);
    const c = sim({ obstacles: [{ type: 'circle', x: 200, y: 150, radius: 10 }] }, fast);
    c.io.motors!.setMotors(100, 100);
    c.step(100);
    expect(c.pose.x).toBeCloseTo(182, 1);
    const b = sim({}, fast);
    b.io.motors!.setMotors(100, 100);
    b.step(1000);
    expect(b.pose.x).toBeCloseTo(392, 1);
  });
});

describe('zones', () => {
  it('record the centre entering and leaving, and a start inside a zone', () => {
    const s = sim({
      zones: [
        { type: 'circle', x: 100, y: 150, radius: 5, name: 'depart' },
        { type: 'rect', x: 120, y: 100, width: 15, height: 100, name: 'arrivee' },
      ],
    });
    s.io.motors!.setMotors(100, 100);
    s.step(1500);
    // Leaves the 5 cm circle after 5 cm, enters the rect at x = 120, leaves it past x = 135 (30 cm/s).
    expect(s.trace.zoneEvents).toEqual([
      { t: 0, zone: 'depart', kind: 'enter' },
      { t: 170, zone: 'depart', kind: 'leave' },
      { t: 670, zone: 'arrivee', kind: 'enter' },
      { t: 1170, zone: 'arrivee', kind: 'leave' },
    ]);
  });
});

describe('pen', () => {
  it('records segments only while down, merging a straight run', () => {
    const s = sim({});
    s.io.motors!.setMotors(50, 50);
    s.step(1000);
    s.io.pen!.setPen(true);
    s.step(1000);
    s.io.pen!.setPen(false);
    s.step(1000);
    const [seg, ...rest] = s.trace.penSegments;
    expect(rest).toEqual([]);
    expect(seg!.from[0]).toBeCloseTo(115, 6);
    expect(seg!.to[0]).toBeCloseTo(130, 6);
  });

  it('draws a square as four sides (spinning in place draws nothing)', () => {
    const s = sim({});
    s.io.pen!.setPen(true);
    for (let side = 0; side < 4; side++) {
      s.io.motors!.setMotors(50, 50);
      s.step(1000);
      s.io.motors!.setMotors(-50, 50);
      s.step(1000);
    }
    const segs = s.trace.penSegments;
    expect(segs).toHaveLength(4);
    expect(segs[3]!.to[0]).toBeCloseTo(100, 6);
    expect(segs[3]!.to[1]).toBeCloseTo(150, 6);
    expect(s.snapshot().penSegments).toEqual(segs);
  });

  it('splits a forward run from a backward one', () => {
    const s = sim({});
    s.io.pen!.setPen(true);
    s.io.motors!.setMotors(50, 50);
    s.step(1000);
    s.io.motors!.setMotors(-50, -50);
    s.step(500);
    expect(s.trace.penSegments).toHaveLength(2);
  });
});

describe('placing the robot', () => {
  it('moves it without drawing the jump, and updates zones and sensors', () => {
    const s = sim({ zones: [{ type: 'circle', x: 300, y: 150, radius: 10, name: 'z' }] });
    s.io.pen!.setPen(true);
    s.io.motors!.setMotors(50, 50);
    s.step(1000);
    s.placeRobot({ x: 300, y: 150, heading: 0 });
    s.step(1000);
    const t = s.trace;
    expect(t.penSegments.map((p) => [p.from[0], p.to[0]].map(Math.round))).toEqual([[100, 115], [300, 315]]);
    expect(t.zoneEvents).toEqual([{ t: 1000, zone: 'z', kind: 'enter' }, { t: 1670, zone: 'z', kind: 'leave' }]);
    expect(s.io.distance!.readDistance()).toBeCloseTo(400 - 315 - 8, 6);
  });
});

describe('snapshot', () => {
  it('shows the sensors: the distance ray, line sensor spots, light and button', () => {
    const s = sim({ walls: [{ from: [148, 0], to: [148, 300] }] });
    s.setAmbientLight(73);
    const { sensors, pose } = s.snapshot();
    expect(pose).toEqual({ x: 100, y: 150, heading: 0 });
    expect(sensors.distanceRay).toEqual({ from: [108, 150], to: [148, 150] });
    expect(sensors.distanceCm).toBe(40);
    expect(sensors.lineLeft).toEqual({ at: [106, 152], dark: false });
    expect(sensors.lineRight).toEqual({ at: [106, 148], dark: false });
    expect(sensors.light).toBe(73);
  });
});

describe('trace accounting', () => {
  it('samples every 50 ms from t = 0 with the motor powers', () => {
    const s = sim({});
    s.io.motors!.setMotors(20, -20);
    s.step(1000);
    const { samples } = s.trace;
    expect(samples).toHaveLength(21);
    expect(samples.map((x) => x.t).slice(0, 3)).toEqual([0, 50, 100]);
    expect(samples[20]).toMatchObject({ t: 1000, left: 20, right: -20 });
  });

  it('counts light time, tone changes and time on the line', () => {
    const s = sim({ lines: [{ points: [[0, 150], [106.5, 150]], width: 2 }] });
    s.io.light!.setLight(true);
    s.io.sound!.tone(440);
    s.io.sound!.tone(440);
    s.io.motors!.setMotors(50, 50);
    s.step(500);
    s.io.light!.setLight(false);
    s.io.sound!.noTone();
    s.step(1500);
    const t = s.trace;
    expect(t.lightOnMs).toBe(500);
    expect(t.toneEvents).toEqual([{ t: 0, hz: 440 }, { t: 500, hz: 0 }]);
    // The sensor bar (6 cm ahead) is within 1 + 2 cm of the line's end until x = 109.5: 23 steps at 15 cm/s.
    expect(t.line).toEqual({ onLineMs: 230, totalMs: 2000 });
    expect(t.durationMs).toBe(2000);
  });

  it('stopAll sets motors to 0 and silences the tone at once', async () => {
    const s = sim({});
    s.io.motors!.setMotors(80, 80);
    s.io.sound!.tone(880);
    await s.io.stopAll();
    expect(s.snapshot()).toMatchObject({ motors: { left: 0, right: 0 }, toneHz: 0 });
    s.step(500);
    expect(s.pose.x).toBe(100);
  });

  it('offers only the capabilities of the profile', () => {
    const bot: Profile = { ...SIM_PROFILE, capabilities: ['motors', 'distance', 'button'] };
    const io = sim({}, bot).io;
    expect(Object.keys(io).sort()).toEqual(['button', 'distance', 'motors', 'prepare', 'stopAll']);
  });
});

describe('determinism', () => {
  function scriptedRun(seed: number) {
    const s = new Simulation(
      makeWorld({
        walls: [{ from: [250, 0], to: [250, 300] }],
        lines: [{ points: [[50, 140], [300, 160]], width: 2 }],
        zones: [{ type: 'circle', x: 200, y: 150, radius: 20, name: 'z' }],
      }),
      SIM_PROFILE,
      { seed },
    );
    s.io.pen!.setPen(true);
    for (let i = 0; i < 200; i++) {
      const r = s.random();
      s.io.motors!.setMotors(Math.round(r * 100), 60);
      if (s.io.line!.readLine('left')) s.io.sound!.tone(300 + i);
      s.step(10 + (i % 7) * 10);
    }
    return s.trace;
  }

  it('gives the same trace, bit for bit, for the same seed and commands', () => {
    expect(scriptedRun(7)).toStrictEqual(scriptedRun(7));
    expect(JSON.stringify(scriptedRun(7))).toBe(JSON.stringify(scriptedRun(7)));
  });

  it('seeds random: another seed gives another run', () => {
    expect(JSON.stringify(scriptedRun(8))).not.toBe(JSON.stringify(scriptedRun(7)));
  });
});
