import { describe, expect, it } from 'vitest';
import { robokit } from './robokit';

const pack = 'lessons/premiers-pas';

describe('robokit check', () => {
  it('passes the solution (exit 0) with stars, in French then English', async () => {
    const r = await robokit(['check', `${pack}/projects/le-carre-solution.robokit`, '--pack', pack, '--lesson', 'le-carre']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Défi réussi\u202f! ★★★/);
    expect(r.stderr).toMatch(/Challenge passed!/);
  });

  it('fails the starter (exit 1) and says what to try', async () => {
    const r = await robokit(['check', `${pack}/projects/le-carre-depart.robokit`, '--pack', pack, '--lesson', 'le-carre', '--json']);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.stdout) as { passed: boolean; conditions: { passed: boolean; detail: { fr: string } }[] };
    expect(verdict.passed).toBe(false);
    expect(verdict.conditions.some((c) => !c.passed && c.detail.fr.length > 0)).toBe(true);
  });

  it('prints the same JSON twice (deterministic)', async () => {
    const args = ['check', `${pack}/projects/obstacle-solution.robokit`, '--pack', pack, '--lesson', 'obstacle', '--json'];
    const [a, b] = [await robokit(args), await robokit(args)];
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('an unknown lesson is bad input (exit 2)', async () => {
    const r = await robokit(['check', `${pack}/projects/le-carre-solution.robokit`, '--pack', pack, '--lesson', 'voler']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for --pack and --lesson', async () => {
    const r = await robokit(['check', `${pack}/projects/le-carre-solution.robokit`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Commande incorrecte/);
  });
});
