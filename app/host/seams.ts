/**
 * The seams HostService is built from: small interfaces for the parts that live elsewhere
 * (compiler, runtime + simulator, the robot bridge, native dialogs). Each composition root
 * (Electron main, `robokit serve`) injects the real implementations.
 */
import type { Diagnostic } from '../core/compiler/diagnostics';
import type { Program } from '../core/ir';
import type { Profile } from '../core/profiles';
import type { RobotIo } from '../core/robot-io';
import type { RunEvent, RunState } from '../core/runtime/events';
import type { World } from '../core/simulator/world';
import type {
  FirmwareChoice,
  FirmwareInstallProgress,
  InstallFirmwareResult,
} from '../shared/api';
import type { FirmwareSummary, Locale, PortInfo, SensorReading, SimulationFrame, WorkspaceJson, WorldSummary } from '../shared/api';

// --- Compiler (app/core/compiler) ---------------------------------------------------------------

export interface CompileResult {
  /** Null when there are errors. */
  readonly program: Program | null;
  readonly diagnostics: readonly Diagnostic[];
}

export type CompileFn = (workspace: WorkspaceJson, options: { readonly profile: Profile }) => CompileResult;

// --- Runtime + simulator (app/core/runtime, app/core/simulator) ---------------------------------

export type RunTargetSpec =
  | { readonly kind: 'sim'; readonly profile: Profile; readonly world: World }
  | { readonly kind: 'robot'; readonly profile: Profile; readonly io: RobotIo };

/** Where a run reports to; the host adds the run id and forwards to the UI. */
export interface RunSink {
  event(event: RunEvent): void;
  state(state: RunState): void;
  simulation(frame: Omit<SimulationFrame, 'runId'>): void;
  sensors(reading: Omit<SensorReading, 'runId'>): void;
}

export interface RunHandle {
  pause(): void;
  resume(): void;
  step(): void;
  /** Stops the program; resolves once every actuator is in a safe state. */
  stop(): Promise<void>;
}

export interface RunEngine {
  /** Starts playing `program` at wall-clock speed (the simulator paced to real time). */
  start(program: Program, target: RunTargetSpec, options: { readonly paused: boolean }, sink: RunSink): RunHandle;
}

// --- Robot bridge (firmware-bridge) -------------------------------------------------------------

export interface RobotLink {
  readonly io: RobotIo;
  /** The firmware that answered (after a reconnect, the one now). */
  firmware?(): FirmwareSummary | undefined;
  /** The bridge's own "identify" (blinks the board's light); else the host blinks `io.light`. */
  identify?(): Promise<void>;
  /** The port the robot is on now: after a replug it may be found on another (by its id). */
  port?(): string;
  /** Stores a new name in the connected robot (RoboKit firmware); `firmware()` then says it. */
  rename?(name: string): Promise<void>;
  /**
   * Stores a bytecode image in the robot (RoboKit firmware) over this link, reporting bytes sent.
   * Absent, or AppError `bytecode-needs-robokit-firmware`, when the robot cannot keep a program.
   */
  storeProgram?(image: Uint8Array, options: StoreProgramOptions): Promise<void>;
  /** Safe state, then close the port. Idempotent. */
  close(): Promise<void>;
  /**
   * The host process is failing: the safe state ahead of anything queued, written before this
   * returns where the port allows; nothing is sent after. Without it, `io.stopAll()` is used.
   */
  lastGasp?(): Promise<void>;
}

export interface StoreProgramOptions {
  /** Run it at power-on (« Démarrer tout seul »), else when the robot's button is pressed. */
  readonly autostart: boolean;
  readonly onProgress: (progress: { readonly sent: number; readonly total: number }) => void;
}

export interface RobotBackend {
  /** Labels in `locale`. */
  listPorts(locale: Locale): Promise<PortInfo[]>;
  /**
   * Rejects with an AppError saying what to do (driver, `dialout`, StandardFirmata, cable).
   * `ports` lists the ports there are now: a robot lost after a replug is looked for on them.
   */
  open(port: string, profile: Profile, options?: { readonly ports?: () => Promise<readonly string[]> }): Promise<RobotLink>;
  /** Robots on ports this host is not connected to (RoboKit firmware); absent: none can be asked. */
  readonly rollCall?: RollCall;
}

/** Which robot a port has: its id and name (RoboKit firmware). */
export interface RobotIdentity {
  readonly id: string;
  readonly name?: string;
}

/**
 * Fifteen robots in one room, before connecting: each call opens the port, does one thing and lets
 * go. Each resolves with the robot's identity after, or undefined when no RoboKit robot answered.
 */
export interface RollCall {
  whoIsOn(port: string): Promise<RobotIdentity | undefined>;
  /** The robot blinks and beeps for about 2 s. */
  identifyOn(port: string): Promise<RobotIdentity | undefined>;
  nameOn(port: string, name: string): Promise<RobotIdentity | undefined>;
  /** A new random id, for a robot that said the same id as another. */
  renumberOn(port: string): Promise<RobotIdentity | undefined>;
}

/** Installs firmware through a board's bootloader (firmware-bridge/src/install). */
export interface FirmwareInstaller {
  install(
    port: string,
    firmware: FirmwareChoice,
    onProgress: (progress: Omit<FirmwareInstallProgress, 'port'>) => void,
  ): Promise<Omit<InstallFirmwareResult, 'firmware'>>;
}

// --- Simulator worlds ---------------------------------------------------------------------------

export interface WorldCatalog {
  list(): readonly WorldSummary[];
  get(id: string): World | undefined;
}

// --- Native dialogs (Electron only) -------------------------------------------------------------

export interface FileDialogs {
  /** A `.robokit` path, or null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** A `.robokitpack` lesson pack to import, or null when cancelled. */
  choosePackPath?(): Promise<string | null>;
  /** A `.robokitprofile` robot to import, or null when cancelled. */
  chooseProfileOpenPath?(): Promise<string | null>;
  /** Where to export a `.robokitprofile`, or null when cancelled. */
  chooseProfileSavePath?(defaultName: string): Promise<string | null>;
  /** Where to export a workshop's `.robokitsession` or `.csv` (the extension of `defaultName`), or null when cancelled. */
  chooseWorkshopSavePath?(defaultName: string): Promise<string | null>;
}

// --- The projector window (Electron only) -------------------------------------------------------

export interface ProjectorWindow {
  /** Opens the workshop's projector view in its own window, or brings it forward. */
  open(): void;
}
