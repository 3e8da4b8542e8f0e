/** The simulator's worlds: the built-in catalog, plus the worlds of the lessons opened so far. */
import type { WorldCatalog } from '../seams';
import type { LessonService } from './lesson-service';

export function withLessonWorlds(base: WorldCatalog, lessons: LessonService): WorldCatalog {
  return {
    list: () => base.list(),
    get: (id) => base.get(id) ?? lessons.world(id),
  };
}
