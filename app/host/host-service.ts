/**
 * The host side of the UI ⇄ host contract: plain Node, no Electron. Both transports (Electron IPC
 * and the `robokit serve` WebSocket) validate requests, then call these methods.
 */
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import { BUILT_IN_PROFILES, type Profile } from '../core/profiles';
import { parseProfileFile, PROFILE_FILE_EXTENSION, serializeProfileFile, type ProfileFile } from '../core/profile-file/profile-file';
import { parseProject, type Project } from '../core/project/project';
import type { Session } from '../core/workshop/session';
import type {
  AutosaveResult,
  CheckLessonRequest,
  ConnectionStatus,
  ConnectRequest,
  ExportProfileResult,
  ImportProfileRequest,
  FirmwareInstallProgress,
  InstallFirmwareRequest,
  InstallFirmwareResult,
  HostInfo,
  ImportPackRequest,
  ImportPackResult,
  LessonCard,
  LessonRef,
  LessonVerdict,
  MenuCommand,
  OpenedLesson,
  OpenedProject,
  OpenProjectRequest,
  PortInfo,
  ProfileSummary,
  RobokitApi,
  RobotProgramCheck,
  RobotProgramRequest,
  SendRobotProgramRequest,
  SendRobotProgramResult,
  RunRequest,
  RunStartResult,
  SaveProjectRequest,
  SaveProjectResult,
  Settings,
  SettingsPatch,
  TeacherNotesView,
  VersionInfo,
  WorkshopChange,
  World,
  WorldSummary,
  WorkshopExportResult,
} from '../shared/api';
import { writeFileAtomic } from './atomic-write';
import { Emitter } from './emitter';
import type { LessonService } from './lessons';
import type { ProjectStore } from './project-store';
import { serializeProject } from './project-store';
import type { RobotManager } from './robot-manager';
import { readProfileFile, type ProfileStore } from './profile-store';
import type { RunSessions } from './run-sessions';
import type { FileDialogs, FirmwareInstaller, ProjectorWindow, WorldCatalog } from './seams';
import { RobotPrograms } from './robot-programs';
import type { SettingsStore } from './settings-store';
import { TEACHER_CODE_MIN_CHARS, type TeacherCode } from './teacher-code';
import type { WorkshopStore } from './workshop-store';

export interface HostServiceDeps {
  readonly info: HostInfo;
  readonly projects: ProjectStore;
  readonly settings: SettingsStore;
  readonly teacherCode: TeacherCode;
  readonly workshop: WorkshopStore;
  /** The workshop's leave code, chosen by the facilitator (a hash, like the teacher's code). */
  readonly workshopCode: TeacherCode;
  readonly robots: RobotManager;
  readonly runs: RunSessions;
  readonly worlds: WorldCatalog;
  readonly lessons: LessonService;
  /** Electron's native dialogs; absent in the browser (upload / download instead). */
  readonly dialogs?: FileDialogs;
  /** Installs firmware through a board's bootloader; absent: `feature-unavailable`. */
  readonly firmware?: FirmwareInstaller;
  /** Electron's second window for the workshop's projector view; absent in the browser (a tab instead). */
  readonly projector?: ProjectorWindow;
  readonly profiles?: Readonly<Record<string, Profile>>;
  /** The class's own robots (`.robokitprofile` files in the data folder). */
  readonly profileStore: ProfileStore;
}

export class HostService implements RobokitApi {
  private readonly settingsChanged = new Emitter<Settings>();
  private readonly projectOpened = new Emitter<OpenedProject>();
  private readonly commandRequested = new Emitter<MenuCommand>();
  private readonly firmwareProgress = new Emitter<FirmwareInstallProgress>();
  private readonly workshopChanged = new Emitter<WorkshopChange>();
  private readonly programs: RobotPrograms;
  /** A port being written: one install at a time. */
  private installing: string | null = null;
  /** The UI has asked for its startup project: later files from the OS are pushed to it. */
  private uiStarted = false;
  /** The file the open project belongs to; stays in the host (the UI only sees its name). */
  private filePath: string | null = null;
  /** A file given by the OS before the UI asked for the startup project. */
  private pendingStartupFile: string | null = null;

  readonly onDidEmitRunEvent: RobokitApi['onDidEmitRunEvent'];
  readonly onDidChangeRunState: RobokitApi['onDidChangeRunState'];
  readonly onDidUpdateSimulation: RobokitApi['onDidUpdateSimulation'];
  readonly onDidReadSensors: RobokitApi['onDidReadSensors'];
  readonly onDidChangeConnection: RobokitApi['onDidChangeConnection'];
  readonly onDidChangeSettings = this.settingsChanged.event;
  readonly onDidOpenProject = this.projectOpened.event;
  readonly onDidRequestCommand = this.commandRequested.event;
  readonly onDidReportFirmwareInstall = this.firmwareProgress.event;
  readonly onDidChangeWorkshop = this.workshopChanged.event;
  readonly onDidReportProgramUpload: RobokitApi['onDidReportProgramUpload'];

  constructor(private readonly deps: HostServiceDeps) {
    this.onDidEmitRunEvent = deps.runs.onDidEmitRunEvent;
    this.onDidChangeRunState = deps.runs.onDidChangeRunState;
    this.onDidUpdateSimulation = deps.runs.onDidUpdateSimulation;
    this.onDidReadSensors = deps.runs.onDidReadSensors;
    this.onDidChangeConnection = deps.robots.onDidChange;
    this.programs = new RobotPrograms(deps.robots, () => deps.runs.running);
    this.onDidReportProgramUpload = this.programs.onDidReportProgramUpload;
  }

  async getHostInfo(): Promise<HostInfo> {
    return this.deps.info;
  }

  // --- Robot panel ---

  async listPorts(): Promise<PortInfo[]> {
    return this.deps.robots.listPorts((await this.deps.settings.get()).locale);
  }

  async listProfiles(): Promise<ProfileSummary[]> {
    const builtIn = Object.values(this.deps.profiles ?? BUILT_IN_PROFILES).map(
      (p): ProfileSummary => ({ id: p.id, name: p.name, transport: p.transport, capabilities: p.capabilities, source: 'built-in' }),
    );
    const mine: ProfileSummary[] = [];
    for (const file of await this.deps.profileStore.list()) {
      const p = await this.deps.profileStore.find(file.id);
      if (!p) continue;
      const calibrated = (file.calibration?.drive.length ?? 0) + (file.calibration?.turn.length ?? 0) > 0;
      mine.push({ id: p.id, name: p.name, transport: p.transport, capabilities: p.capabilities, source: 'mine', kit: file.kit, calibrated });
    }
    return [...builtIn, ...mine];
  }

  async connect({ port, profile }: ConnectRequest): Promise<ConnectionStatus> {
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    if (this.programs.busy) throw new AppError({ code: 'bytecode-send-busy' });
    const resolved = await this.deps.profileStore.require(profile);
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    return this.deps.robots.connect(port, resolved);
  }

  async disconnect(): Promise<ConnectionStatus> {
    if (this.deps.runs.running) await this.deps.runs.stop();
    return this.deps.robots.disconnect();
  }

  async installFirmware({ port, firmware }: InstallFirmwareRequest): Promise<InstallFirmwareResult> {
    const installer = this.deps.firmware;
    if (!installer) throw new AppError({ code: 'feature-unavailable', params: { feature: 'firmware' } });
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    if (this.installing !== null) throw new AppError({ code: 'firmware-install-busy' });
    await this.deps.robots.requireListed(port);
    this.installing = port;
    try {
      // The port must be free: the robot panel's own connection lets go of it first.
      if (this.deps.robots.connection.state !== 'none') await this.deps.robots.disconnect();
      // Not while the roll call asks that port who is there: one program at a time on a port.
      const result = await this.deps.robots.withPortsFree(() => installer.install(port, firmware, (progress) => this.firmwareProgress.fire({ port, ...progress })));
      return { firmware, ...result };
    } finally {
      this.installing = null;
    }
  }

  // --- The class's own robots ---

  async getProfile({ id }: { readonly id: string }): Promise<ProfileFile> {
    const file = await this.deps.profileStore.get(id);
    if (!file) throw new AppError({ code: 'profile-not-found', params: { profile: id } });
    return file;
  }

  saveProfile({ profile }: { readonly profile: ProfileFile }): Promise<ProfileFile> {
    return this.deps.profileStore.save({ ...profile, updatedAt: new Date().toISOString() });
  }

  async deleteProfile({ id }: { readonly id: string }): Promise<void> {
    const file = await this.deps.profileStore.get(id);
    await this.deps.profileStore.remove(id);
    if (file && (await this.deps.settings.get()).profile === id) await this.setSettings({ profile: file.kit });
  }

  async importProfile(request: ImportProfileRequest): Promise<ProfileFile | null> {
    let file: ProfileFile;
    if (request.from === 'text') {
      const parsed = parseProfileFile(request.text);
      if (!parsed.ok) throw new AppError(parsed.error);
      file = parsed.file;
    } else {
      const choose = this.deps.dialogs?.chooseProfileOpenPath;
      if (!choose) throw new AppError({ code: 'feature-unavailable', params: { feature: 'dialog' } });
      const path = await choose.call(this.deps.dialogs);
      if (!path) return null;
      file = await readProfileFile(path);
    }
    return this.deps.profileStore.save(file);
  }

  async exportProfile({ id }: { readonly id: string }): Promise<ExportProfileResult> {
    const file = await this.getProfile({ id });
    const fileName = `${safeFileName(file.name)}${PROFILE_FILE_EXTENSION}`;
    const text = serializeProfileFile(file);
    const choose = this.deps.dialogs?.chooseProfileSavePath;
    if (!choose) return { status: 'download', fileName, text };
    const path = await choose.call(this.deps.dialogs, fileName);
    if (!path) return { status: 'cancelled' };
    await writeFileAtomic(path, text);
    return { status: 'saved', fileName: basename(path) };
  }

  async checkRobotProgram(request: RobotProgramRequest): Promise<RobotProgramCheck> {
    return this.programs.check(request);
  }

  sendRobotProgram(request: SendRobotProgramRequest): Promise<SendRobotProgramResult> {
    return this.programs.send(request);
  }

  async identify(): Promise<void> {
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    await this.deps.robots.identify();
  }

  async rollCall(): Promise<PortInfo[]> {
    return this.deps.robots.rollCall((await this.deps.settings.get()).locale);
  }

  async identifyRobot({ port }: { readonly port: string }): Promise<void> {
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    await this.deps.robots.identifyRobot(port);
  }

  async nameRobot({ port, name }: { readonly port: string; readonly name: string }): Promise<{ readonly name: string }> {
    if (this.deps.runs.running) throw new AppError({ code: 'run-in-progress' });
    return { name: await this.deps.robots.nameRobot(port, name) };
  }

  // --- Worlds ---

  async listWorlds(): Promise<WorldSummary[]> {
    return [...this.deps.worlds.list()];
  }

  async getWorld({ id }: { readonly id: string }): Promise<World> {
    const world = this.deps.worlds.get(id);
    if (!world) throw new AppError({ code: 'unknown-world', params: { world: id } });
    return world;
  }

  // --- Runs ---

  async run(request: RunRequest): Promise<RunStartResult> {
    if (this.programs.busy) throw new AppError({ code: 'bytecode-send-busy' });
    const settings = await this.deps.settings.get();
    const profile = request.target === 'sim' ? await this.deps.profileStore.require(request.profile) : undefined;
    return this.deps.runs.start(request, settings.world, profile);
  }

  async pause(): Promise<void> {
    this.deps.runs.pause();
  }

  async resume(): Promise<void> {
    this.deps.runs.resume();
  }

  async step(): Promise<void> {
    this.deps.runs.step();
  }

  stop(): Promise<void> {
    return this.deps.runs.stop();
  }

  // --- Projects ---

  async getStartupProject(): Promise<OpenedProject | null> {
    this.uiStarted = true;
    const file = this.pendingStartupFile;
    this.pendingStartupFile = null;
    if (file) return this.openPath(file);
    const last = await this.deps.projects.lastSession();
    if (!last) return null;
    this.filePath = last.filePath;
    return { project: last.project, fileName: last.filePath ? basename(last.filePath) : null, source: 'autosave' };
  }

  async openProject(request: OpenProjectRequest): Promise<OpenedProject | null> {
    if (request.from === 'text') {
      const parsed = parseProject(request.text);
      if (!parsed.ok) throw new AppError(parsed.error);
      this.filePath = null;
      return { project: parsed.project, fileName: request.fileName ?? null, source: 'upload' };
    }
    const dialogs = this.requireDialogs();
    const path = await dialogs.chooseOpenPath();
    return path ? this.openPath(path) : null;
  }

  async saveProject({ project, saveAs }: SaveProjectRequest): Promise<SaveProjectResult> {
    const stamped: Project = { ...project, updatedAt: new Date().toISOString() };
    const fileName = `${safeFileName(project.name)}.robokit`;
    if (!this.deps.dialogs) return { status: 'download', fileName, text: serializeProject(stamped) };
    let path = saveAs ? null : this.filePath;
    path ??= await this.deps.dialogs.chooseSavePath(fileName);
    if (!path) return { status: 'cancelled' };
    await this.deps.projects.writeFile(path, stamped);
    this.filePath = path;
    await this.deps.projects.autosave(stamped, path);
    return { status: 'saved', fileName: basename(path) };
  }

  async autosave({ project }: { readonly project: Project }): Promise<AutosaveResult> {
    const saved = await this.deps.projects.autosave(project, this.filePath);
    if (project.lesson) await this.deps.lessons.rememberWork(project);
    return saved;
  }

  listVersions(): Promise<VersionInfo[]> {
    return this.deps.projects.listVersions();
  }

  async restoreVersion({ id }: { readonly id: string }): Promise<OpenedProject> {
    const project = await this.deps.projects.readVersion(id);
    return { project, fileName: this.filePath ? basename(this.filePath) : null, source: 'version' };
  }

  // --- Lessons ---

  listLessons(): Promise<LessonCard[]> {
    return this.deps.lessons.listLessons();
  }

  importPack(request: ImportPackRequest): Promise<ImportPackResult> {
    return this.deps.lessons.importPack(request);
  }

  openLesson(ref: LessonRef): Promise<OpenedLesson> {
    return this.deps.lessons.openLesson(ref);
  }

  checkLesson(request: CheckLessonRequest): Promise<LessonVerdict> {
    return this.deps.lessons.checkLesson(request);
  }

  getLessonSolution(ref: LessonRef): Promise<Project> {
    return this.deps.lessons.getLessonSolution(ref);
  }

  getTeacherNotes(ref: LessonRef): Promise<TeacherNotesView> {
    return this.deps.lessons.getTeacherNotes(ref);
  }

  async getTeacherCodeState(): Promise<{ set: boolean }> {
    return { set: await this.deps.teacherCode.isSet() };
  }

  async setTeacherCode({ code, current }: { code: string; current?: string }): Promise<{ ok: boolean }> {
    return { ok: await this.deps.teacherCode.set(code, current) };
  }

  unlockTeacher({ code }: { code: string }): Promise<boolean> {
    return this.deps.teacherCode.check(code);
  }

  // --- Workshop ---

  getWorkshop(): Promise<Session | null> {
    return this.deps.workshop.load();
  }

  async saveWorkshop({ session }: { readonly session: Session }): Promise<{ savedAt: string }> {
    const saved = await this.deps.workshop.save(session);
    this.workshopShown(session);
    return saved;
  }

  /** Every page follows the saved session (the projector view); drawings stay out of the broadcast (getWorkshop has them). */
  private workshopShown(session: Session): void {
    const { drawings: _left, ...shown } = session;
    this.workshopChanged.fire({ session: shown });
  }

  /** Starts (or restarts) a workshop: its first autosave, and the leave code the facilitator chose (kept as a hash). */
  async startWorkshop({ session, code }: { readonly session: Session; readonly code: string }): Promise<{ savedAt: string }> {
    if (code.trim().length < TEACHER_CODE_MIN_CHARS) throw new AppError({ code: 'workshop-code-short', params: { n: TEACHER_CODE_MIN_CHARS } });
    const saved = await this.deps.workshop.save(session);
    await this.deps.workshopCode.clear();
    await this.deps.workshopCode.set(code);
    this.workshopShown(session);
    return saved;
  }

  /** « Famille suivante »: the program stops, and the family's work is forgotten (autosave, versions, lesson work). */
  async nextFamily(): Promise<void> {
    await this.deps.runs.stop();
    const session = await this.deps.workshop.load();
    if (!session) return;
    const since = new Date(session.createdAt);
    // A date that does not parse: forget every version rather than keep a family's work.
    await this.deps.projects.forgetSince(Number.isNaN(since.getTime()) ? new Date(0) : since);
    await this.deps.lessons.forgetWork(session.route.steps);
  }

  /** A workshop export: through Electron's save dialog, else the page downloads its own text. */
  async exportWorkshopFile({ fileName, text }: { readonly fileName: string; readonly text: string }): Promise<WorkshopExportResult> {
    const choose = this.deps.dialogs?.chooseWorkshopSavePath;
    if (!choose) return { status: 'download' };
    const path = await choose(fileName);
    if (!path) return { status: 'cancelled' };
    try {
      await writeFileAtomic(path, text);
    } catch {
      throw new AppError({ code: 'file-save-failed', params: { file: basename(path) } });
    }
    return { status: 'saved', fileName: basename(path) };
  }

  /** Leaving the workshop needs the facilitator's code; then nothing of it stays on this computer but what was exported. */
  async endWorkshop({ code }: { readonly code: string }): Promise<{ ok: boolean }> {
    if ((await this.deps.workshopCode.isSet()) && !(await this.deps.workshopCode.check(code))) return { ok: false };
    await this.nextFamily();
    await this.deps.workshop.clear();
    await this.deps.workshopCode.clear();
    this.workshopChanged.fire({ session: null });
    return { ok: true };
  }

  async openProjector(): Promise<void> {
    const projector = this.deps.projector;
    if (!projector) throw new AppError({ code: 'feature-unavailable', params: { feature: 'projector' } });
    projector.open();
  }

  // --- Settings ---

  getSettings(): Promise<Settings> {
    return this.deps.settings.get();
  }

  async setSettings(patch: SettingsPatch): Promise<Settings> {
    // The active robot must be one this computer knows (built in, or one of its own).
    if (patch.profile !== undefined) await this.deps.profileStore.require(patch.profile);
    const settings = await this.deps.settings.update(patch);
    this.settingsChanged.fire(settings);
    return settings;
  }

  // --- Host-side entry points (not part of the UI contract) ---

  /**
   * A file given by the operating system (double-click, "open with", a second instance).
   * Before the UI has started it becomes the startup project; after, the UI is told.
   * Rejects with an AppError (bad file) for the caller to show.
   */
  async openFromOs(path: string): Promise<void> {
    if (!this.uiStarted) {
      this.pendingStartupFile = path;
      return;
    }
    this.projectOpened.fire(await this.openPath(path));
  }

  /** A menu command for the UI. */
  requestCommand(command: MenuCommand): void {
    this.commandRequested.fire(command);
  }

  /** On quit: stop the program and leave the robot safe. */
  async shutdown(): Promise<void> {
    await this.deps.runs.stop();
    await this.deps.robots.disconnect();
    await this.deps.lessons.shutdown();
  }

  /**
   * The process is failing (see `last-gasp.ts`): the robot's safe state first, written at once,
   * then the ordinary shutdown as far as it gets.
   */
  async lastGasp(): Promise<void> {
    const stopped = this.deps.robots.lastGasp();
    await Promise.allSettled([stopped, this.shutdown()]);
  }

  private async openPath(path: string): Promise<OpenedProject> {
    const project = await this.deps.projects.readFile(path);
    this.filePath = path;
    await this.deps.projects.autosave(project, path);
    return { project, fileName: basename(path), source: 'file' };
  }

  private requireDialogs(): FileDialogs {
    if (!this.deps.dialogs) throw new AppError({ code: 'feature-unavailable', params: { feature: 'dialog' } });
    return this.deps.dialogs;
  }
}

/** A project name as a file name: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 100);
  return cleaned || 'projet';
}
