/** Zone names on the simulator canvas are placed clear of the robot (« arrivee » was drawn over it). */
import { describe, expect, it } from 'vitest';
import { placeZoneLabel, type Box, type Circle } from '../../app/renderer/src/sim/sim-canvas';

const canvas: Box = { x: 0, y: 0, width: 600, height: 300 };
const zone: Box = { x: 400, y: 100, width: 120, height: 120 };
const label = { width: 70, height: 18 };

function overlaps([x, y]: [number, number], robot: Circle): boolean {
  const nx = Math.min(Math.max(robot.x, x - label.width / 2), x + label.width / 2);
  const ny = Math.min(Math.max(robot.y, y - label.height / 2), y + label.height / 2);
  return Math.hypot(robot.x - nx, robot.y - ny) < robot.r;
}

describe('placeZoneLabel', () => {
  it('puts the name in the middle of the zone when the robot is elsewhere', () => {
    expect(placeZoneLabel(zone, label, { x: 50, y: 50, r: 30 }, canvas)).toEqual([460, 160]);
  });

  it('moves the name off the robot when the robot stands in the zone, wherever it stands', () => {
    for (const [x, y] of [[460, 160], [460, 110], [460, 210], [410, 160], [515, 215]] as const) {
      const robot = { x, y, r: 34 };
      const at = placeZoneLabel(zone, label, robot, canvas);
      expect(overlaps(at, robot), `robot at ${x},${y}: label at ${at.join(',')}`).toBe(false);
    }
  });

  it('stays inside the canvas', () => {
    const top: Box = { x: 560, y: 0, width: 40, height: 40 };
    const [x, y] = placeZoneLabel(top, label, { x: 580, y: 20, r: 30 }, canvas);
    expect(x + label.width / 2).toBeLessThanOrEqual(600);
    expect(y - label.height / 2).toBeGreaterThanOrEqual(0);
  });
});
