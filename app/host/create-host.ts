/**
 * Builds a HostService from its parts. A composition root (Electron main, `robokit serve`) passes
 * the seams it has; a missing one answers `feature-unavailable` (it never pretends to work).
 */
import { AppError } from '../core/errors';
import type { HostInfo } from '../shared/api';
import { createRequestValidator, type RequestValidator } from '../shared/api-validate';
import { HostService } from './host-service';
import { builtInLessonsDir, LessonService, withLessonWorlds } from './lessons';
import { ProfileStore } from './profile-store';
import { ProjectStore } from './project-store';
import { RobotManager, type Timers } from './robot-manager';
import { RunSessions } from './run-sessions';
import type { CompileFn, FileDialogs, FirmwareInstaller, ProjectorWindow, RobotBackend, RunEngine, WorldCatalog } from './seams';
import { TeacherCode } from './teacher-code';
import { WorkshopStore } from './workshop-store';
import { SettingsStore } from './settings-store';

export interface HostSeams {
  readonly compile?: CompileFn;
  readonly engine?: RunEngine;
  readonly robots?: RobotBackend;
  readonly worlds?: WorldCatalog;
  readonly dialogs?: FileDialogs;
  readonly firmware?: FirmwareInstaller;
  readonly projector?: ProjectorWindow;
}

export interface CreateHostOptions {
  readonly dataDir: string;
  readonly info: HostInfo;
  readonly seams: HostSeams;
  readonly validate?: RequestValidator;
  /** Timers for "identify" (tests pass instant ones). */
  readonly timers?: Timers;
  /** Folders of built-in lesson packs (default: this install's `lessons/`). */
  readonly lessonDirs?: readonly string[];
}

const unavailable = (feature: string) => () => {
  throw new AppError({ code: 'feature-unavailable', params: { feature } });
};

export function createHostService(options: CreateHostOptions): HostService {
  const { seams } = options;
  const validate = options.validate ?? createRequestValidator();
  const robots = new RobotManager(
    seams.robots ?? { listPorts: unavailable('robots'), open: unavailable('robots') },
    options.timers,
  );
  const dialogs = seams.dialogs;
  const lessons = new LessonService({
    dataDir: options.dataDir,
    builtInDirs: options.lessonDirs ?? [builtInLessonsDir()].filter((d): d is string => d !== null),
    ...(dialogs?.choosePackPath ? { choosePackPath: () => dialogs.choosePackPath!() } : {}),
  });
  const worlds = withLessonWorlds(seams.worlds ?? { list: () => [], get: () => undefined }, lessons);
  const runs = new RunSessions({
    compile: seams.compile ?? unavailable('compiler'),
    engine: seams.engine ?? { start: unavailable('runtime') },
    worlds,
    robots,
  });
  return new HostService({
    info: options.info,
    projects: new ProjectStore({ dataDir: options.dataDir }),
    settings: new SettingsStore(options.dataDir, validate),
    teacherCode: new TeacherCode(options.dataDir),
    workshop: new WorkshopStore(options.dataDir),
    workshopCode: new TeacherCode(options.dataDir, undefined, undefined, undefined, 'workshop-code.json'),
    profileStore: new ProfileStore(options.dataDir),
    robots,
    runs,
    worlds,
    lessons,
    ...(seams.dialogs ? { dialogs: seams.dialogs } : {}),
    ...(seams.firmware ? { firmware: seams.firmware } : {}),
    ...(seams.projector ? { projector: seams.projector } : {}),
  });
}
