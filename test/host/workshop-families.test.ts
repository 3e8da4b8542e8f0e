/**
 * The workshop's host side beyond the autosave: the leave code the facilitator chooses (a hash on
 * this computer; leaving needs it), and « Famille suivante » forgetting the family's work — the
 * project autosave, the versions kept since the workshop began and the lessons' saved work — while
 * versions from before the workshop stay.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequestValidator } from '../../app/shared/api-validate';
import type { Project } from '../../app/shared/api';
import { ProjectStore } from '../../app/host/project-store';
import { sessionWith } from '../core/workshop/fixtures';
import { defaultSeams } from '../../app/host/default-seams';
import { instantWall, makeHost, tempDir } from './helpers';

const session = sessionWith('s-fam', ['Les Tigres', 'Lou']);
const work = (name: string): Project => ({
  format: 'robokit-project',
  version: 1,
  name,
  profile: 'sim',
  workspace: { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 1, y: 1 }] } },
  lesson: { pack: 'fr.robokit.defis-parents-enfants', lesson: 'le-spectacle' },
});

describe('the leave code', () => {
  it('is chosen at the start; leaving needs it, and a wrong one leaves the workshop running', async () => {
    const { host, dataDir } = await makeHost();
    await expect(host.startWorkshop({ session, code: 'abc' })).rejects.toMatchObject({ code: 'workshop-code-short' });
    expect(await host.getWorkshop()).toBeNull();
    await host.startWorkshop({ session, code: 'lune42' });
    expect(await readFile(join(dataDir, 'workshop-code.json'), 'utf8')).not.toContain('lune42');
    expect(await host.endWorkshop({ code: 'soleil' })).toEqual({ ok: false });
    expect(await host.getWorkshop()).toEqual(session);
    expect(await host.endWorkshop({ code: 'lune42' })).toEqual({ ok: true });
    expect(await host.getWorkshop()).toBeNull();
    expect((await readdir(dataDir)).includes('workshop-code.json')).toBe(false);
  });

  it('does not touch the teacher’s code', async () => {
    const { host } = await makeHost();
    expect((await host.setTeacherCode({ code: 'prof1234' })).ok).toBe(true);
    await host.startWorkshop({ session, code: 'lune42' });
    expect(await host.unlockTeacher({ code: 'prof1234' })).toBe(true);
    expect(await host.endWorkshop({ code: 'lune42' })).toEqual({ ok: true });
    expect(await host.unlockTeacher({ code: 'prof1234' })).toBe(true);
  });

  it('is validated on the wire', () => {
    const validate = createRequestValidator();
    expect(validate('startWorkshop', { session, code: 'lune42' }).ok).toBe(true);
    expect(validate('startWorkshop', { session }).ok).toBe(false);
    expect(validate('endWorkshop', {}).ok).toBe(false);
    expect(validate('nextFamily', { all: true }).ok).toBe(false);
  });
});

describe('« Famille suivante » on the host', () => {
  it('forgets the family’s autosave, versions and lesson work, and keeps versions from before the workshop', async () => {
    const dataDir = await tempDir();
    // A version from the morning, before the workshop (created 09:55).
    const morning = new ProjectStore({ dataDir, now: () => new Date('2026-12-01T08:00:00.000Z') });
    await morning.autosave(work('Le matin'), null);
    const { host } = await makeHost(undefined, dataDir);
    await host.startWorkshop({ session, code: 'lune42' });
    await host.autosave({ project: work('Famille Tigres') });
    const lessonWork = join(dataDir, 'lessons', 'fr.robokit.defis-parents-enfants');
    expect(await readdir(lessonWork)).toEqual(['le-spectacle.robokit']);
    expect((await host.listVersions()).map((v) => v.name).sort()).toEqual(['Famille Tigres', 'Le matin']);
    await host.nextFamily();
    expect(await readdir(lessonWork)).toEqual([]);
    expect((await host.listVersions()).map((v) => v.name)).toEqual(['Le matin']);
    expect(await readdir(join(dataDir, 'autosave'))).not.toContain('current.robokit');
    const reopened = await host.getStartupProject();
    expect(reopened?.project.name).toBe('Le matin');
    expect((await host.openLesson({ packId: 'fr.robokit.defis-parents-enfants', lessonId: 'le-spectacle' })).saved).toBeNull();
    // The session itself (the results) stays.
    expect(await host.getWorkshop()).toEqual(session);
  });
});

describe('a workshop export', () => {
  it('goes through the save dialog in Electron, is a download in the browser, and names only an export file', async () => {
    const dir = await tempDir();
    const asked: string[] = [];
    let answer: string | null = join(dir, 'samedi.csv');
    const dialogs = {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      chooseWorkshopSavePath: async (name: string) => (asked.push(name), answer),
    };
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), dialogs });
    expect(await host.exportWorkshopFile({ fileName: 'atelier-1.csv', text: 'a,b\r\n' })).toEqual({ status: 'saved', fileName: 'samedi.csv' });
    expect(asked).toEqual(['atelier-1.csv']);
    expect(await readFile(join(dir, 'samedi.csv'), 'utf8')).toBe('a,b\r\n');
    answer = null;
    expect(await host.exportWorkshopFile({ fileName: 'atelier-1.csv', text: 'x' })).toEqual({ status: 'cancelled' });
    const { host: browser } = await makeHost();
    expect(await browser.exportWorkshopFile({ fileName: 'atelier-1.robokitsession', text: '{}' })).toEqual({ status: 'download' });
    const validate = createRequestValidator();
    expect(validate('exportWorkshopFile', { fileName: 'atelier-1.csv', text: '' }).ok).toBe(true);
    expect(validate('exportWorkshopFile', { fileName: '../etc/passwd.csv', text: '' }).ok).toBe(false);
    expect(validate('exportWorkshopFile', { fileName: 'atelier.exe', text: '' }).ok).toBe(false);
  });
});
