/** Lessons on the host: the library of packs, import, open, check and solutions. */
export { LessonService, lessonWorldId, type LessonServiceOptions } from './lesson-service';
export { LessonLibrary, lessonCard } from './lesson-library';
export { PackUploads, uploadFileName } from './pack-uploads';
export { stepViews } from './step-views';
export { imageType, IMAGE_LIMITS } from '../packs/pack-files';
export { withLessonWorlds } from './lesson-worlds';
export { builtInLessonsDir } from './built-in-dir';
