/**
 * `--profile` names a class's own robot (issue #12): a `.robokitprofile` file, or one saved in the data
 * folder by the app. « avancer de 90 cm » then lasts what that robot's measured speed says.
 */
import { mkdir, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../host/helpers';
import { robokit } from './robokit';

const SOLUTION = 'lessons/premiers-pas/projects/en-centimetres-solution.robokit';
const LILA = 'examples/robots/robot-lila.robokitprofile';

const motorTimes = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; t: number; left: number })
    .filter((e) => e.type === 'motors')
    .map((e) => [e.t, e.left]);

describe('robokit --profile with a class’s own robot', () => {
  it('a .robokitprofile file: 90 cm at the measured 24 cm/s take 3.75 s, a quarter turn at 95 °/s about 0.95 s', async () => {
    const r = await robokit(['run', SOLUTION, '--robot', 'sim', '--profile', LILA, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(motorTimes(r.stdout)).toEqual([[0, 50], [3750, 0], [3750, -50], [4700, 0], [4700, 50], [8450, 0]]);
    // The same project on the kit's nominal speed (arduino-2wd, 15 cm/s at 50 %): 6 s.
    const nominal = await robokit(['run', SOLUTION, '--robot', 'sim', '--json']);
    expect(motorTimes(nominal.stdout)[1]).toEqual([6000, 0]);
  });

  it('an own robot saved in the data folder, by its id', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'profiles'));
    await copyFile(LILA, join(dataDir, 'profiles', 'robot-lila.robokitprofile'));
    const r = await robokit(['run', SOLUTION, '--robot', 'sim', '--profile', 'robot-lila', '--json'], { env: { ROBOKIT_DATA_DIR: dataDir } });
    expect(r.code).toBe(0);
    expect(motorTimes(r.stdout)[1]).toEqual([3750, 0]);
  });

  it('a hostile or unknown profile is refused with one sentence, exit 2', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.robokitprofile');
    await writeFile(bad, '{"format":"robokit-user-profile","version":1,"id":"x","name":"x","kit":"mbot","motors":{"pins":[13]}}');
    const r = await robokit(['compile', SOLUTION, '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^robokit\s:\sCe fichier de robot a un problème/);
    const unknown = await robokit(['compile', SOLUTION, '--profile', 'robot-inconnu'], { env: { ROBOKIT_DATA_DIR: dir } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('robot-inconnu');
  });
});
