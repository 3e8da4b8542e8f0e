/**
 * « Envoyer dans le robot » on the host: the pupil's workspace compiled for the connected robot's
 * profile to bytecode (core/bytecode/robot-program.ts), checked before sending (its size, the blocks
 * the robot skips, or one sentence per problem naming its block), then stored in the robot over
 * the live link with progress. One send at a time; no run meanwhile.
 */
import { planRobotProgram, type RobotProgramNote } from '../core/bytecode/robot-program';
import { AppError } from '../core/errors';
import type { Profile } from '../core/profiles';
import {
  apiError,
  type ApiErrorData,
  type RobotProgramCheck,
  type RobotProgramProgress,
  type RobotProgramRequest,
  type SendRobotProgramRequest,
  type SendRobotProgramResult,
} from '../shared/api';
import { Emitter } from './emitter';
import type { RobotManager } from './robot-manager';

function noteToApiError(note: RobotProgramNote): ApiErrorData {
  return { ...apiError(note.code, {}, note.blockId ?? undefined), message: note.message };
}

export class RobotPrograms {
  private readonly progress = new Emitter<RobotProgramProgress>();
  readonly onDidReportProgramUpload = this.progress.event;
  private sending = false;

  constructor(
    private readonly robots: RobotManager,
    private readonly running: () => boolean,
  ) {}

  /** A program is being sent: runs, connects and other sends wait. */
  get busy(): boolean {
    return this.sending;
  }

  check({ workspace }: RobotProgramRequest): RobotProgramCheck {
    const plan = planRobotProgram(workspace, this.robotProfile());
    if (!plan.ok) return { fits: false, max: plan.max, problems: plan.problems.map(noteToApiError), ...(plan.bytes !== undefined ? { bytes: plan.bytes } : {}) };
    return { fits: true, bytes: plan.bytes, max: plan.max, skipped: plan.skipped.map(noteToApiError) };
  }

  async send({ workspace, autostart }: SendRobotProgramRequest): Promise<SendRobotProgramResult> {
    if (this.running()) throw new AppError({ code: 'run-in-progress' });
    if (this.sending) throw new AppError({ code: 'bytecode-send-busy' });
    const plan = planRobotProgram(workspace, this.robotProfile());
    if (!plan.ok) return { sent: false, max: plan.max, problems: plan.problems.map(noteToApiError), ...(plan.bytes !== undefined ? { bytes: plan.bytes } : {}) };
    this.sending = true;
    try {
      await this.robots.storeProgram(plan.image, { autostart, onProgress: (p) => this.progress.fire({ sent: p.sent, total: p.total }) });
    } finally {
      this.sending = false;
    }
    return { sent: true, bytes: plan.bytes, max: plan.max, skipped: plan.skipped.map(noteToApiError), autostart };
  }

  /** The connected robot's profile: it decides what the program can use. */
  private robotProfile(): Profile {
    const ready = this.robots.ready;
    if (!ready) throw new AppError({ code: 'not-connected' });
    if (this.robots.connection.firmware?.kind !== 'robokit') throw new AppError({ code: 'bytecode-needs-robokit-firmware' });
    return ready.profile;
  }
}
