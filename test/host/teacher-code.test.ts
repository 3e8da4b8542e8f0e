import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TeacherCode } from '../../app/host/teacher-code';
import { makeHost, tempDir } from './helpers';

describe('the teacher code', () => {
  it('is chosen once, then only the right code opens; changing it needs the current one', async () => {
    const dir = await tempDir();
    const waits: number[] = [];
    let now = 1000;
    const code = new TeacherCode(dir, 2000, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    expect(await code.isSet()).toBe(false);
    expect(await code.check('4821')).toBe(false);
    expect(await code.set('12')).toBe(false); // too short
    expect(await code.set('4821')).toBe(true);
    expect(await code.isSet()).toBe(true);
    expect(await code.set('9999')).toBe(false); // a pupil cannot choose another one
    expect(await code.check('4821')).toBe(true);
    expect(await code.check('0000')).toBe(false);
    // After a wrong code, the next try waits.
    expect(await code.check('4821')).toBe(true);
    expect(waits).toEqual([2000]);
    expect(await code.set('7777', '4821')).toBe(true);
    expect(await code.check('4821')).toBe(false);
    expect(await code.check('7777')).toBe(true);
    // Only a salted hash is on disk.
    const stored = await readFile(join(dir, 'teacher-code.json'), 'utf8');
    expect(stored).not.toContain('7777');
    expect(JSON.parse(stored)).toEqual({ salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('through the host API: the page learns only whether a code exists and whether a try was right', async () => {
    const { host } = await makeHost();
    expect(await host.getTeacherCodeState()).toEqual({ set: false });
    expect(await host.setTeacherCode({ code: 'abcd' })).toEqual({ ok: true });
    expect(await host.getTeacherCodeState()).toEqual({ set: true });
    expect(await host.unlockTeacher({ code: 'abcd' })).toBe(true);
    expect(await host.setTeacherCode({ code: 'zzzz' })).toEqual({ ok: false });
  });
});
