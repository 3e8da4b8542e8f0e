/**
 * A new board (id 00000000) gets a random id from the first host that meets it — on connect and in
 * the roll call — and keeps it; a board that has one is not renumbered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { NO_BOARD_ID, newBoardId } from '../../firmware-bridge/src/robokit-board-id';
import { whoIsOn } from '../../firmware-bridge/src/robokit-roll-call';
import { FakeLink } from './fakes/fake-board';
import { FakeRobokitBoard } from './fakes/fake-robokit-board';

const boards: FakeRobokitBoard[] = [];
const connections: RobotConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) await c.close();
  for (const b of boards.splice(0)) b.dispose();
});
function newBoard(id = NO_BOARD_ID): FakeRobokitBoard {
  const board = new FakeRobokitBoard();
  board.boardId = id;
  boards.push(board);
  return board;
}
const opener = (board: FakeRobokitBoard) => async () => new FakeLink(board);

describe('board ids', () => {
  it('are 8 upper-case hex digits, never 00000000', () => {
    expect(newBoardId(() => Uint8Array.of(0xab, 0x01, 0x02, 0xcd))).toBe('AB0102CD');
    let calls = 0;
    expect(newBoardId(() => (calls++ === 0 ? Uint8Array.of(0, 0, 0, 0) : Uint8Array.of(0, 0, 0, 1)))).toBe('00000001');
    expect(new Set(Array.from({ length: 200 }, () => newBoardId())).size).toBe(200);
  });

  it('a new board gets one on connect, and the connection reports it', async () => {
    const board = newBoard();
    const c = await RobotConnection.connect('/dev/ttyACM0', BUILT_IN_PROFILES['arduino-2wd']!, { timeoutMs: 1000, reconnect: false, openLink: opener(board) });
    connections.push(c);
    expect(board.boardId).toMatch(/^[0-9A-F]{8}$/);
    expect(board.boardId).not.toBe(NO_BOARD_ID);
    expect(c.firmwareInfo?.boardId).toBe(board.boardId);
  });

  it('a new board gets one in the roll call; a board with an id keeps it', async () => {
    const fresh = newBoard();
    const hello = await whoIsOn('/dev/ttyACM1', { timeoutMs: 1000, openLink: opener(fresh), random: () => Uint8Array.of(1, 2, 3, 4) });
    expect(hello?.id).toBe('01020304');
    expect(fresh.boardId).toBe('01020304');
    const old = newBoard('3F2A9C01');
    expect((await whoIsOn('/dev/ttyACM2', { timeoutMs: 1000, openLink: opener(old) }))?.id).toBe('3F2A9C01');
    expect(old.received.some((line) => line.startsWith('id '))).toBe(false);
  });
});
