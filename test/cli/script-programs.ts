/**
 * The programs the exported-script rig tests run: block builders, the project file around them, and
 * `node` running the exported script (shared by the StandardFirmata and the RoboKit firmware tests).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chain, num as numWithId, projectFile, type Block } from '../fixtures/project-file';

export { chain, type Block };
let ids = 0;
export const id = (): string => `b${ids++}`;
export const num = (n: number): Block => numWithId(id(), n);
export const move = (dir: 'FORWARD' | 'BACKWARD', speed: number, s: number): Block => ({ id: id(), type: 'robot_move', fields: { DIRECTION: dir }, inputs: { SPEED: num(speed), SECONDS: num(s) } });
export const turn = (dir: 'LEFT' | 'RIGHT', degrees: number): Block => ({ id: id(), type: 'robot_turn', fields: { DIRECTION: dir }, inputs: { DEGREES: num(degrees) } });
export const repeat = (times: number, body: Block[]): Block => ({ id: id(), type: 'controls_repeat_ext', inputs: { TIMES: num(times), DO: { block: chain(body) } } });

/** A `.robokit` project whose start block runs `body`. */
export function project(body: Block[]): string {
  return JSON.stringify(projectFile({ name: 'Script', profile: 'arduino-2wd', updatedAt: '2026-01-01T00:00:00.000Z' }, chain(body)));
}

/** `node script args…` in the script's folder: its exit code and what it printed. */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: join(script, '..'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
