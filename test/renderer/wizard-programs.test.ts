/** « Mon robot »'s little programs compile for their kit, and drive the wheel the wiring says. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../app/core/compiler';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { calibrationRun, kitPowers, sensorWatch, wheelTest } from '../../app/renderer/src/robot/wizard-programs';

describe('« Mon robot » programs', () => {
  it('turn the wheel as the robot is wired: swapped, inverted, both', () => {
    expect(kitPowers({}, 50, 0)).toEqual({ left: 50, right: 0 });
    expect(kitPowers({ swap: true }, 50, 0)).toEqual({ left: 0, right: 50 });
    expect(kitPowers({ invertLeft: true }, 50, 0)).toEqual({ left: -50, right: 0 });
    expect(kitPowers({ swap: true, invertLeft: true }, 50, 0)).toEqual({ left: 0, right: -50 });
    expect(kitPowers({ swap: true, invertRight: true }, 50, 20)).toEqual({ left: -20, right: 50 });
  });

  it('compile without a diagnostic for every kit', () => {
    for (const id of ['mbot', 'l298n-hcsr04', 'l9110-hcsr04', 'arduino-2wd', 'servo-bot']) {
      const profile = BUILT_IN_PROFILES[id]!;
      for (const workspace of [wheelTest({ swap: true }, 'left'), calibrationRun({}, 100, true), sensorWatch(profile.capabilities)!]) {
        const result = compile(workspace, { profile });
        expect(result.diagnostics.filter((d) => d.severity === 'error'), id).toEqual([]);
        expect(result.program, id).not.toBeNull();
      }
    }
  });

  it('watch only the sensors the kit has', () => {
    expect(sensorWatch(['motors', 'light'])).toBeNull();
    expect(JSON.stringify(sensorWatch(['motors', 'distance']))).not.toMatch(/robot_line|robot_button/);
    expect(JSON.stringify(sensorWatch(BUILT_IN_PROFILES['mbot']!.capabilities))).toMatch(/robot_line.*robot_button/);
  });
});
