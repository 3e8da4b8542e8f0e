/**
 * The one contract between the UI (renderer) and the host (Electron main or `robokit serve`).
 *
 * Only plain data crosses it (structured-clone and JSON safe). Every method takes at most one params
 * object and returns a Promise; a failure rejects with an `ApiError` carrying `ApiErrorData`.
 * Events are `onDidX(listener) → unsubscribe`.
 *
 * This file is pure types plus name tables: it imports nothing at run time, so the renderer, the
 * sandboxed preload, the host and the Electron main can all import it. The request validators
 * live in `api-validate.ts` (Ajv schemas precompiled at build time into `core/generated/`), and
 * are used on the host side, where every request is checked.
 */
import type { RunEvent, RunState } from '../core/runtime/events';
import type { Locale, Localized, MessageCode } from '../core/i18n/messages';
import type { Project, WorkspaceJson } from '../core/project/project';
import type { Point, Pose, World } from '../core/simulator/world';
import type { Capability } from '../core/ir';
import type { GoalKey, LessonMode } from '../core/lessons/types';
import type { EndReason } from '../core/runtime/events';
import type { Session } from '../core/workshop/session';
import type { ProfileFile } from '../core/profile-file/profile-file';

export type { RunEvent, RunState, Project, WorkspaceJson, World, Locale, ProfileFile };

// ---------------------------------------------------------------------------------------------
// Errors

/** An error as it crosses the contract. `messageKey` names the i18n catalog entry to show. */
export interface ApiErrorData {
  readonly code: MessageCode;
  readonly messageKey: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly blockId?: string;
  /** Already-rendered text, when the host has it (compile diagnostics, runtime errors). */
  readonly message?: Localized;
}

/** What a client's promise rejects with. */
export class ApiError extends Error {
  readonly data: ApiErrorData;
  constructor(data: ApiErrorData) {
    super(data.code);
    this.name = 'ApiError';
    this.data = data;
  }
}

export function apiError(
  code: MessageCode,
  params: Readonly<Record<string, string | number>> = {},
  blockId?: string,
): ApiErrorData {
  return { code, messageKey: code, params, ...(blockId ? { blockId } : {}) };
}

/** How a result crosses a transport that cannot carry a rejected error's data (Electron IPC). */
export type ApiEnvelope<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ApiErrorData };

// ---------------------------------------------------------------------------------------------
// Data shapes

export interface HostInfo {
  readonly version: string;
  readonly host: 'electron' | 'serve';
  /** True when the host shows native open/save dialogs (Electron); false: upload/download. */
  readonly fileDialogs: boolean;
}

export interface PortInfo {
  /** What to pass to `connect` (`/dev/ttyACM0`, `COM3`). */
  readonly path: string;
  /** A friendly name in the settings' language, e.g. « Arduino Uno — /dev/ttyACM0 ». */
  readonly label: string;
  /** The board or USB chip guessed from its USB ids (`arduino-uno`, `ch340`, …), when known. */
  readonly board?: string;
  /** A genuine Arduino or a USB-serial chip found on clones (listed first). */
  readonly likelyRobot: boolean;
  readonly manufacturer?: string;
  /** `2341:0043` when the port is USB. */
  readonly usbId?: string;
  /** The robot's own name (RoboKit firmware), when this computer has met the robot on this port. */
  readonly robotName?: string;
  /** The robot's id (RoboKit firmware), when this computer has met the robot on this port. */
  readonly robotId?: string;
  /** This computer is connected to the robot on this port (the label says so too). */
  readonly inUse?: boolean;
  /** What to install first when the chip needs a driver (Windows, macOS). */
  readonly driverHint?: Localized;
}

export interface ProfileSummary {
  readonly id: string;
  readonly name: Localized;
  readonly transport: 'sim' | 'firmata' | 'robokit-line';
  readonly capabilities: readonly Capability[];
  /** Shipped with RoboKit, or one of this computer's own robots (a `.robokitprofile` in the data folder). */
  readonly source: 'built-in' | 'mine';
  /** Own robots: the built-in kit it starts from. */
  readonly kit?: string;
  /** Own robots: speeds measured with a ruler and a protractor (else the kit's nominal ones). */
  readonly calibrated?: boolean;
}

export type ImportProfileRequest =
  /** Electron: the host shows its open dialog. */
  | { readonly from: 'dialog' }
  /** Browser: the text of an uploaded `.robokitprofile`. */
  | { readonly from: 'text'; readonly text: string };

export type ExportProfileResult =
  | { readonly status: 'saved'; readonly fileName: string }
  /** No dialogs (browser): the UI offers this text as a download. */
  | { readonly status: 'download'; readonly fileName: string; readonly text: string }
  | { readonly status: 'cancelled' };

export interface WorldSummary {
  readonly id: string;
  readonly name: Localized;
}

export type ConnectionState = 'none' | 'connecting' | 'ready' | 'lost';

/** Which firmware the connected robot runs (shown in the robot panel). */
export interface FirmwareSummary {
  readonly kind: 'robokit' | 'firmata';
  /** "RoboKit", "StandardFirmata.ino". */
  readonly name: string;
  readonly version: string;
  /** The robot's own name (RoboKit firmware). */
  readonly robotName?: string;
  /** The robot's id (RoboKit firmware): what finds it again after a replug. */
  readonly robotId?: string;
}

export interface ConnectionStatus {
  readonly state: ConnectionState;
  readonly port?: string;
  readonly profile?: string;
  /** While ready: the firmware that answered. */
  readonly firmware?: FirmwareSummary;
  /** Why a connection failed or was lost, and so what to do. */
  readonly reason?: ApiErrorData;
}

/** What RoboKit can install on a robot's board (the RoboKit firmware is recommended). */
export type FirmwareChoice = 'robokit' | 'firmata';

export interface InstallFirmwareRequest {
  readonly port: string;
  readonly firmware: FirmwareChoice;
}

/** Installed, verified, and answering with this name and version. */
export interface InstallFirmwareResult {
  readonly firmware: FirmwareChoice;
  readonly name: string;
  readonly version: string;
  readonly bytes: number;
}

/** While installing: the phase, the bytes written or verified so far, or a request to press reset. */
export interface FirmwareInstallProgress {
  readonly port: string;
  readonly phase: 'connecting' | 'press-reset' | 'writing' | 'verifying' | 'checking';
  readonly done?: number;
  readonly total?: number;
}

/** « Envoyer dans le robot »: the program on screen, compiled for the connected robot. */
export interface RobotProgramRequest {
  readonly workspace: WorkspaceJson;
}

export interface SendRobotProgramRequest extends RobotProgramRequest {
  /** « Démarrer tout seul »: run it at power-on, else when the robot's button is pressed. */
  readonly autostart: boolean;
}

/** Whether the program can go into the robot: its size of `max` bytes, and what the robot skips. */
export type RobotProgramCheck =
  /** `skipped`: blocks left out on the robot (`say`), each with its sentence, on its block. */
  | { readonly fits: true; readonly bytes: number; readonly max: number; readonly skipped: readonly ApiErrorData[] }
  /** Why not, one sentence per problem naming its block; `bytes` when it was built but is too big. */
  | { readonly fits: false; readonly bytes?: number; readonly max: number; readonly problems: readonly ApiErrorData[] };

export type SendRobotProgramResult =
  | { readonly sent: true; readonly bytes: number; readonly max: number; readonly skipped: readonly ApiErrorData[]; readonly autostart: boolean }
  /** Nothing was sent: the same problems as `checkRobotProgram`. */
  | { readonly sent: false; readonly bytes?: number; readonly max: number; readonly problems: readonly ApiErrorData[] };

/** While sending: bytes the robot has kept so far, of `total`. */
export interface RobotProgramProgress {
  readonly sent: number;
  readonly total: number;
}

export type RunTarget = 'sim' | 'robot';

export interface ConnectRequest {
  readonly port: string;
  readonly profile: string;
}

export interface RunRequest {
  readonly workspace: WorkspaceJson;
  readonly profile: string;
  readonly target: RunTarget;
  /** World id for the simulator (default: the settings' world, else the first built-in). */
  readonly world?: string;
  /** Start paused, for step-by-step mode. */
  readonly paused?: boolean;
}

export type RunStartResult =
  /** `diagnostics`: warnings only. */
  | { readonly started: true; readonly runId: number; readonly diagnostics: readonly ApiErrorData[] }
  /** The program did not compile: one diagnostic per faulty block. */
  | { readonly started: false; readonly diagnostics: readonly ApiErrorData[] };

export interface RunEventMessage {
  readonly runId: number;
  readonly event: RunEvent;
}

export interface RunStateMessage {
  readonly runId: number;
  readonly target: RunTarget;
  readonly state: RunState;
  /** A simulated run: the world it plays in (`getWorld`), so a second page (the projector) can draw it. */
  readonly world?: string;
}

/** One simulator frame for the view, sent at about 30 Hz while a simulated run plays. */
export interface SimulationFrame {
  readonly runId: number;
  /** Simulated time, ms. */
  readonly t: number;
  readonly pose: Pose;
  readonly penDown: boolean;
  /** Pen trail segments drawn since the previous frame. */
  readonly trail: readonly { readonly from: Point; readonly to: Point }[];
}

/** Sensor values for the live chart (only those the robot has). */
export interface SensorReading {
  readonly runId: number;
  readonly t: number;
  readonly distance?: number;
  readonly light?: number;
  readonly lineLeft?: boolean;
  readonly lineRight?: boolean;
  readonly button?: boolean;
}

export interface Settings {
  readonly locale: Locale;
  readonly highContrast: boolean;
  readonly largeText: boolean;
  /** Last chosen robot profile and simulator world. */
  readonly profile: string;
  readonly world: string | null;
}

export type SettingsPatch = Partial<Settings>;

export interface OpenedProject {
  readonly project: Project;
  /** The file's name (not its path: paths stay in the host). Null for a new or restored project. */
  readonly fileName: string | null;
  readonly source: 'file' | 'upload' | 'autosave' | 'version' | 'lesson';
}

export type OpenProjectRequest =
  /** Electron: the host shows its open dialog. */
  | { readonly from: 'dialog' }
  /** Browser: the text of an uploaded file. */
  | { readonly from: 'text'; readonly text: string; readonly fileName?: string };

export interface SaveProjectRequest {
  readonly project: Project;
  /** Ask where to save even if the project already has a file. */
  readonly saveAs?: boolean;
}

export type SaveProjectResult =
  | { readonly status: 'saved'; readonly fileName: string }
  /** No dialogs (browser): the UI offers this text as a download. */
  | { readonly status: 'download'; readonly fileName: string; readonly text: string }
  | { readonly status: 'cancelled' };

export type WorkshopExportResult =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'download' }
  | { readonly status: 'cancelled' };

export interface AutosaveResult {
  readonly savedAt: string;
}

/** A menu command the host passes to the UI (Electron's menu bar; the UI holds the project). */
export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'versions';

export interface VersionInfo {
  readonly id: string;
  readonly savedAt: string;
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Lessons (packs from lessons/ and the pack store)

/** One lesson as the library shows it. */
export interface LessonCard {
  readonly packId: string;
  readonly packTitle: Localized;
  readonly lessonId: string;
  readonly title: Localized;
  /** [youngest, oldest], from the pack. */
  readonly ages: readonly [number, number];
  readonly minutes: number;
  readonly mode: LessonMode;
  /** The pack's tags. */
  readonly tags: readonly string[];
  /** Robot profiles the pack was written for. */
  readonly profiles: readonly string[];
  readonly hasChallenge: boolean;
  /** Shipped with RoboKit, or imported by a teacher into the pack store. */
  readonly source: 'built-in' | 'installed';
}

export interface LessonRef {
  readonly packId: string;
  readonly lessonId: string;
}

/** A pack's file name, as the pupil or teacher chose it (never a path on this computer). */
export type ImportPackRequest =
  /** Electron: the host shows its open dialog. */
  | { readonly from: 'dialog' }
  /**
   * Browser upload or drag and drop: the archive's bytes in base64. Large files come in parts:
   * every part but the last carries `more: true`; the host answers `partial` with the `uploadId`
   * to send with the next part.
   */
  | {
      readonly from: 'bytes';
      readonly name: string;
      readonly base64: string;
      readonly uploadId?: string;
      readonly more?: boolean;
    };

/** Something wrong with an imported pack: its code, where in the pack, and the sentence to show. */
export interface PackProblem {
  readonly code: MessageCode;
  readonly severity: 'error' | 'warning';
  /** Pack-relative file and JSON path (« pack.json → lessons[2].minutes »), when known. */
  readonly where?: string;
  readonly message: Localized;
}

export type ImportPackResult =
  | { readonly status: 'installed'; readonly packId: string; readonly title: Localized; readonly lessons: number; readonly warnings: readonly PackProblem[] }
  /** The pack was refused; nothing was installed. `file` is the name it was imported under. */
  | { readonly status: 'refused'; readonly file: string; readonly problems: readonly PackProblem[] }
  | { readonly status: 'partial'; readonly uploadId: string; readonly received: number }
  | { readonly status: 'cancelled' };

export interface LessonStepView {
  /** Sanitised HTML (pack images inlined as data: URIs); the renderer sanitises it again. */
  readonly html: Localized;
  readonly hint?: Localized;
  /** The hint as sanitised HTML (French typography, blocks as `span.robokit-block` placeholders). */
  readonly hintHtml?: Localized;
}

export interface ChallengeSummary {
  /** The goal's conditions, in order (a top-level `all` flattened). */
  readonly kinds: readonly GoalKey[];
  /** Display names of the zones the goal names, in order (« Arrivée »), when it names any. */
  readonly zones?: readonly Localized[];
  /** The goal's own deadline (`withinSeconds`), when it has one. */
  readonly withinSeconds?: number;
  /** How long the simulated run may last. */
  readonly timeLimitSeconds: number;
  /** Block counts for ★★★ and ★★, when the challenge rates by blocks. */
  readonly stars?: { readonly three: number; readonly two: number };
}

export interface OpenedLesson {
  readonly card: LessonCard;
  readonly steps: readonly LessonStepView[];
  /** Block types the editor's toolbox offers (for `buildToolbox`'s `allowedTypes`). */
  readonly allowedTypes: readonly string[];
  /** The starter project, its `lesson` set. */
  readonly starter: Project;
  /** The pupil's last autosaved work on this lesson, if any. */
  readonly saved: Project | null;
  /** The challenge's world, and the id to run in it (`run({world})`). */
  readonly world: World | null;
  readonly worldId: string | null;
  readonly challenge: ChallengeSummary | null;
  readonly hasSolution: boolean;
}

/**
 * A lesson's notes for the teacher (pack format 2), every text as sanitised HTML in both languages
 * (French typography applied, blocks as `span.robokit-block` placeholders). Lists are empty and
 * texts absent when the pack gives none (a version 1 pack has no notes at all).
 */
export interface TeacherNotesView {
  /** What the pupils learn, tied to the French programme of cycle 2 (CP–CE2), 3 (CM1–6e) or 4 (5e–3e). */
  readonly objectives: readonly { readonly cycle: 2 | 3 | 4; readonly html: Localized }[];
  readonly prerequisites: readonly Localized[];
  /** The session's phases, their titles as HTML, with their minutes. */
  readonly phases: readonly { readonly html: Localized; readonly minutes: number }[];
  /** A warm-up without a computer. */
  readonly unplugged?: Localized;
  readonly debrief: readonly Localized[];
  readonly mistakes: readonly Localized[];
  readonly easier?: Localized;
  readonly harder?: Localized;
}

export interface CheckLessonRequest extends LessonRef {
  readonly workspace: WorkspaceJson;
  /** The robot profile the pupil programs (default: the pack's first). */
  readonly profile?: string;
}

export interface LessonConditionResult {
  readonly kind: GoalKey;
  readonly passed: boolean;
  readonly detail: Localized;
  readonly conditions?: readonly LessonConditionResult[];
}

export interface LessonVerdict {
  readonly passed: boolean;
  readonly stars: 0 | 1 | 2 | 3;
  /** Simulated ms: when the goal was met if it is timed (`withinSeconds`), else how long the run lasted. */
  readonly timeMs: number;
  readonly blockCount: number;
  /** Why the run ended, or null when it could not start. */
  readonly reason: EndReason | null;
  readonly conditions: readonly LessonConditionResult[];
  /** Blocks outside the lesson, compile errors, the runtime error: on their blocks. */
  readonly diagnostics: readonly ApiErrorData[];
}

// ---------------------------------------------------------------------------------------------
// Workshop (issue #15)

/**
 * The session under way as every page sees it when it changes (saved, or ended: null), without its
 * drawings (they can be large; `getWorkshop` has them): the projector view and any other tab follow it.
 */
export interface WorkshopChange {
  readonly session: Omit<Session, 'drawings'> | null;
}

// ---------------------------------------------------------------------------------------------
// The API

export type Unsubscribe = () => void;

export interface RobokitApi {
  getHostInfo(): Promise<HostInfo>;

  // Robot panel
  listPorts(): Promise<PortInfo[]>;
  listProfiles(): Promise<ProfileSummary[]>;
  connect(params: ConnectRequest): Promise<ConnectionStatus>;
  disconnect(): Promise<ConnectionStatus>;
  /** Blink the connected robot's light. */
  identify(): Promise<void>;
  /** Asks each port not in use which robot is there (RoboKit firmware): the port list with robot names. */
  rollCall(): Promise<PortInfo[]>;
  /** The robot on this port blinks and beeps (before connecting too: RoboKit firmware). */
  identifyRobot(params: { readonly port: string }): Promise<void>;
  /** Stores a name in the robot on this port (RoboKit firmware); resolves with the name kept. */
  nameRobot(params: { readonly port: string; readonly name: string }): Promise<{ readonly name: string }>;
  /** Installs the robot's firmware through its bootloader and verifies it (disconnects that port first). */
  installFirmware(params: InstallFirmwareRequest): Promise<InstallFirmwareResult>;

  // The class's own robots (« Mon robot », docs/profiles.md). The active one is `Settings.profile`.
  /** One of this computer's own robots, to edit it (`profile-not-found` if there is none). */
  getProfile(params: { readonly id: string }): Promise<ProfileFile>;
  /** Saves (or replaces, same id) an own robot; rejects with a `profile-*`/`calibration-*` error when it is not valid. */
  saveProfile(params: { readonly profile: ProfileFile }): Promise<ProfileFile>;
  /** Deletes an own robot; if it was the active one, its kit becomes active. */
  deleteProfile(params: { readonly id: string }): Promise<void>;
  /** Reads a `.robokitprofile` (dialog or uploaded text) and saves it; null when the dialog was cancelled. */
  importProfile(params: ImportProfileRequest): Promise<ProfileFile | null>;
  /** Writes an own robot to a file the teacher chooses (Electron), or gives its text to download. */
  exportProfile(params: { readonly id: string }): Promise<ExportProfileResult>;

  /** The program's size and what the robot skips, or why it cannot go into the connected robot. */
  checkRobotProgram(params: RobotProgramRequest): Promise<RobotProgramCheck>;
  /**
   * « Envoyer dans le robot »: stores the program in the connected robot (RoboKit firmware) to run
   * without the cable; progress on `onDidReportProgramUpload`.
   */
  sendRobotProgram(params: SendRobotProgramRequest): Promise<SendRobotProgramResult>;

  // Simulator worlds
  listWorlds(): Promise<WorldSummary[]>;
  getWorld(params: { readonly id: string }): Promise<World>;

  // Runs (one at a time)
  run(params: RunRequest): Promise<RunStartResult>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** While paused: run until the next block. */
  step(): Promise<void>;
  /** Always works: stops the program and puts every actuator in a safe state. */
  stop(): Promise<void>;

  // Projects
  /** At start-up: the file the app was opened with, else the last autosave (crash recovery), else null. */
  getStartupProject(): Promise<OpenedProject | null>;
  /** Null when the pupil cancelled the dialog. */
  openProject(params: OpenProjectRequest): Promise<OpenedProject | null>;
  saveProject(params: SaveProjectRequest): Promise<SaveProjectResult>;
  autosave(params: { readonly project: Project }): Promise<AutosaveResult>;
  listVersions(): Promise<VersionInfo[]>;
  restoreVersion(params: { readonly id: string }): Promise<OpenedProject>;

  // Lessons
  listLessons(): Promise<LessonCard[]>;
  importPack(params: ImportPackRequest): Promise<ImportPackResult>;
  openLesson(params: LessonRef): Promise<OpenedLesson>;
  /** Runs the lesson's challenge in the simulator on the host. */
  checkLesson(params: CheckLessonRequest): Promise<LessonVerdict>;
  /** For the teacher space; rejects with `lesson-no-solution` when the pack has none. */
  getLessonSolution(params: LessonRef): Promise<Project>;
  /** For the teacher space and the printable lesson sheet: the lesson's teacher notes. */
  getTeacherNotes(params: LessonRef): Promise<TeacherNotesView>;

  // Teacher space (behind a code the adult chooses; the host keeps only its hash)
  /** Whether a teacher code was chosen on this computer. */
  getTeacherCodeState(): Promise<{ readonly set: boolean }>;
  /** Chooses the code (the first time), or changes it with the current one. `ok: false` when refused. */
  setTeacherCode(params: { readonly code: string; readonly current?: string }): Promise<{ readonly ok: boolean }>;
  /** True for the right code (a wrong one makes the next try wait). */
  unlockTeacher(params: { readonly code: string }): Promise<boolean>;

  // Workshop (issue #15): the session under way, autosaved by the host so it survives a crash
  /** The session under way (restored after a restart or a crash), or null. */
  getWorkshop(): Promise<Session | null>;
  /** Autosaves the session (atomically); rejects with a `session-*` error when it is not valid. */
  saveWorkshop(params: { readonly session: Session }): Promise<{ readonly savedAt: string }>;
  /** Starts a workshop: its first autosave and the leave code the facilitator chose (at least 4 characters). */
  startWorkshop(params: { readonly session: Session; readonly code: string }): Promise<{ readonly savedAt: string }>;
  /** « Famille suivante »: stops the program and forgets the family's work (autosave, versions, lesson work). */
  nextFamily(): Promise<void>;
  /**
   * Saves a workshop export (`.robokitsession` or `.csv`): Electron asks where with its save dialog
   * (`saved`); the browser answers `download` and the page offers its own text as a download.
   */
  exportWorkshopFile(params: { readonly fileName: string; readonly text: string }): Promise<WorkshopExportResult>;
  /** Leaves the workshop with the facilitator's code (`ok: false` when wrong): its autosave and code are deleted. */
  endWorkshop(params: { readonly code: string }): Promise<{ readonly ok: boolean }>;
  /** Electron: opens (or brings forward) the projector window. Elsewhere `feature-unavailable`: open `#projecteur` in a tab. */
  openProjector(): Promise<void>;

  // Settings
  getSettings(): Promise<Settings>;
  setSettings(params: SettingsPatch): Promise<Settings>;

  // Events
  onDidEmitRunEvent(listener: (message: RunEventMessage) => void): Unsubscribe;
  onDidChangeRunState(listener: (message: RunStateMessage) => void): Unsubscribe;
  onDidChangeConnection(listener: (status: ConnectionStatus) => void): Unsubscribe;
  onDidReportFirmwareInstall(listener: (progress: FirmwareInstallProgress) => void): Unsubscribe;
  onDidReportProgramUpload(listener: (progress: RobotProgramProgress) => void): Unsubscribe;
  onDidUpdateSimulation(listener: (frame: SimulationFrame) => void): Unsubscribe;
  onDidReadSensors(listener: (reading: SensorReading) => void): Unsubscribe;
  onDidChangeSettings(listener: (settings: Settings) => void): Unsubscribe;
  /** The host opened a file by itself (file association, second instance, menu). */
  onDidOpenProject(listener: (opened: OpenedProject) => void): Unsubscribe;
  onDidRequestCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  /** The workshop session was saved or ended (for the projector view and every other page). */
  onDidChangeWorkshop(listener: (change: WorkshopChange) => void): Unsubscribe;
}

// ---------------------------------------------------------------------------------------------
// Name tables, derived from the interface so they cannot drift

export type EventMethodName = Extract<keyof RobokitApi, `onDid${string}`>;
export type MethodName = Exclude<keyof RobokitApi, EventMethodName>;

/** `onDidEmitRunEvent` → `didEmitRunEvent`: the name an event travels under. */
export type EventName = EventMethodName extends `on${infer E}` ? Uncapitalize<E> : never;

export type ParamsOf<M extends MethodName> = Parameters<RobokitApi[M]> extends [infer P] ? P : undefined;
export type ResultOf<M extends MethodName> = Awaited<ReturnType<RobokitApi[M]>>;
export type EventDataOf<E extends EventName> = Parameters<Parameters<RobokitApi[`on${Capitalize<E>}`]>[0]>[0];

/** Every method, exactly once (the compiler checks the record has all keys). */
const METHODS: Record<MethodName, true> = {
  getHostInfo: true,
  listPorts: true,
  listProfiles: true,
  connect: true,
  disconnect: true,
  identify: true,
  rollCall: true,
  identifyRobot: true,
  nameRobot: true,
  installFirmware: true,
  getProfile: true,
  saveProfile: true,
  deleteProfile: true,
  importProfile: true,
  exportProfile: true,
  checkRobotProgram: true,
  sendRobotProgram: true,
  listWorlds: true,
  getWorld: true,
  run: true,
  pause: true,
  resume: true,
  step: true,
  stop: true,
  getStartupProject: true,
  openProject: true,
  saveProject: true,
  autosave: true,
  listVersions: true,
  restoreVersion: true,
  listLessons: true,
  importPack: true,
  openLesson: true,
  checkLesson: true,
  getLessonSolution: true,
  getTeacherNotes: true,
  getTeacherCodeState: true,
  setTeacherCode: true,
  unlockTeacher: true,
  getWorkshop: true,
  saveWorkshop: true,
  startWorkshop: true,
  nextFamily: true,
  exportWorkshopFile: true,
  endWorkshop: true,
  openProjector: true,
  getSettings: true,
  setSettings: true,
};

const EVENTS: Record<EventName, true> = {
  didEmitRunEvent: true,
  didChangeRunState: true,
  didChangeConnection: true,
  didReportFirmwareInstall: true,
  didReportProgramUpload: true,
  didUpdateSimulation: true,
  didReadSensors: true,
  didChangeSettings: true,
  didOpenProject: true,
  didRequestCommand: true,
  didChangeWorkshop: true,
};

export const METHOD_NAMES = Object.freeze(Object.keys(METHODS) as MethodName[]);
export const EVENT_NAMES = Object.freeze(Object.keys(EVENTS) as EventName[]);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, name);
}

export function eventMethodName<E extends EventName>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.messageKey === 'string' && typeof v.params === 'object';
}
