import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopStore } from '../../app/host/workshop-store';
import { ApiError } from '../../app/shared/api';
import { createRequestValidator } from '../../app/shared/api-validate';
import { keepDrawing, recordTry, serializeSession } from '../../app/core/workshop/session';
import { PNG_1x1, attempt, sessionWith } from '../core/workshop/fixtures';
import { makeHost, serveApi, tempDir } from './helpers';

const session = keepDrawing(recordTry(sessionWith('s-crash', ['Les Tigres', 'Lou']), attempt('t1', 'le-spectacle')), {
  team: 't1',
  pack: 'fr.robokit.defis-parents-enfants',
  lesson: 'le-spectacle',
  png: PNG_1x1,
});

describe('the workshop autosave', () => {
  it('survives a crash: a new host on the same data folder restores the session as it was', async () => {
    const { host, dataDir } = await makeHost();
    expect(await host.getWorkshop()).toBeNull();
    await host.saveWorkshop({ session });
    const later = { ...session, current: { team: 't2', step: 1, elapsedSeconds: 42 } };
    await host.saveWorkshop({ session: later });
    // No leftover temporary file, one file on disk.
    expect(await readdir(join(dataDir, 'workshop'))).toEqual(['current.robokitsession']);
    const { host: restarted } = await makeHost(undefined, dataDir);
    expect(await restarted.getWorkshop()).toEqual(later);
    expect(await restarted.endWorkshop({ code: '' })).toEqual({ ok: true });
    expect(await restarted.getWorkshop()).toBeNull();
    expect(await readdir(join(dataDir, 'workshop'))).toEqual([]);
  });

  it('keeps the last write when many are queued at once', async () => {
    const dir = await tempDir();
    const store = new WorkshopStore(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save({ ...session, current: { team: 't1', step: 0, elapsedSeconds: i } })),
    );
    expect((await store.load())?.current?.elapsedSeconds).toBe(19);
  });

  it('moves a damaged autosave aside instead of trusting it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'workshop'));
    const text = serializeSession(session);
    await writeFile(join(dir, 'workshop', 'current.robokitsession'), text.slice(0, text.length / 2));
    const store = new WorkshopStore(dir);
    expect(await store.load()).toBeNull();
    expect((await readdir(join(dir, 'workshop'))).sort()).toEqual(['current.robokitsession.damaged']);
    expect(await readFile(join(dir, 'workshop', 'current.robokitsession.damaged'), 'utf8')).toBe(text.slice(0, text.length / 2));
  });

  it('refuses to save a session the schema accepts but the checks do not (a drawing that is not a PNG)', async () => {
    const { host } = await makeHost();
    const bad = { ...session, drawings: [{ ...session.drawings[0]!, png: 'data:image/png;base64,AAAA' }] };
    await expect(host.saveWorkshop({ session: bad })).rejects.toMatchObject({ code: 'session-bad-drawing' });
    expect(await host.getWorkshop()).toBeNull();
  });

  it('validates the request: personal data beside a nickname is refused before the host sees it', () => {
    const validate = createRequestValidator();
    expect(validate('saveWorkshop', { session }).ok).toBe(true);
    const leaky = { ...session, teams: [{ id: 't1', nickname: 'Lou', phone: '0600000000' }] };
    expect(validate('saveWorkshop', { session: leaky }).ok).toBe(false);
    expect(validate('endWorkshop', { all: true }).ok).toBe(false);
  });

  it('goes through the browser transport (robokit serve’s WebSocket)', async () => {
    const { host } = await makeHost();
    const connection = await (await serveApi(host)).connect();
    const { api } = connection;
    expect(await api.saveWorkshop({ session })).toMatchObject({ savedAt: expect.any(String) });
    expect(await api.getWorkshop()).toEqual(session);
    const error = await api.saveWorkshop({ session: { ...session, teams: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).data).toMatchObject({ code: 'session-unknown-team' });
    expect(await api.endWorkshop({ code: '' })).toEqual({ ok: true });
    expect(await api.getWorkshop()).toBeNull();
    connection.close();
  });

  it('every tab hears when the session is saved (without its drawings) or ended; a refused save says nothing', async () => {
    const { host } = await makeHost();
    const { connect } = await serveApi(host);
    const [facilitator, projector] = await Promise.all([connect(), connect()]);
    const heard: unknown[] = [];
    projector.api.onDidChangeWorkshop((change) => heard.push(change));
    await facilitator.api.startWorkshop({ session, code: '4321' });
    await facilitator.api.saveWorkshop({ session });
    await facilitator.api.saveWorkshop({ session: { ...session, teams: [] } }).catch(() => undefined);
    expect(await facilitator.api.endWorkshop({ code: '0000' })).toEqual({ ok: false });
    expect(await facilitator.api.endWorkshop({ code: '4321' })).toEqual({ ok: true });
    await expect.poll(() => heard.length).toBe(3);
    const { drawings: _d, ...withoutDrawings } = session;
    expect(heard).toEqual([{ session: withoutDrawings }, { session: withoutDrawings }, { session: null }]);
    facilitator.close();
    projector.close();
  });
});
