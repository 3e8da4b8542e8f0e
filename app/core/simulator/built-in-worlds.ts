/**
 * Worlds that ship with RoboKit (JSON in `worlds/`). They are complete (every list present), so
 * they are used as they are; a test checks each one passes `parseWorld` unchanged.
 */
import type { World } from './world';
import emptyTable from './worlds/empty-table.json';
import lineTrack from './worlds/line-track.json';
import smallMaze from './worlds/small-maze.json';
import drawingPaper from './worlds/drawing-paper.json';

// JSON imports type points as number[][]; test/core/simulator/built-in-worlds.test.ts checks the shape.
const asWorld = (json: unknown): World => json as World;

export const BUILT_IN_WORLDS: Readonly<Record<string, World>> = {
  'empty-table': asWorld(emptyTable),
  'line-track': asWorld(lineTrack),
  'small-maze': asWorld(smallMaze),
  'drawing-paper': asWorld(drawingPaper),
};

export function findWorld(id: string): World | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_WORLDS, id) ? BUILT_IN_WORLDS[id] : undefined;
}
