/**
 * The troubleshooting guide: from the failure that really happened (an AppError code) and the
 * computer's system, the extra advice to show after the error itself, as message codes. Pure: the
 * command line and the robot panel both use it.
 */
import type { MessageCode } from './i18n/messages';

export type Platform = 'linux' | 'win32' | 'darwin' | string;

/** `boardKind`: what the port's USB ids say (`ch340`, `arduino-uno`…), when known. */
export function troubleshooting(code: string, platform: Platform, boardKind?: string): MessageCode[] {
  const ch34x = boardKind === 'ch340' || boardKind === 'ch9102';
  switch (code) {
    case 'robot-port-not-found':
    case 'robot-none-found':
      return [
        'help-no-port',
        ...(platform === 'linux' ? (['help-brltty'] as const) : []),
        ...(platform === 'win32' || platform === 'darwin' ? (['driver-ch340'] as const) : []),
      ];
    case 'robot-port-busy':
      return platform === 'linux' ? ['help-port-busy-linux', 'help-brltty'] : [];
    case 'robot-open-failed':
      return platform === 'linux' && ch34x ? ['help-brltty'] : [];
    case 'firmware-none':
    case 'robot-no-answer':
    case 'robot-no-firmata':
      return ['help-offer-install'];
    case 'firmware-bootloader-silent':
      return ch34x && (platform === 'win32' || platform === 'darwin') ? ['driver-ch340'] : [];
    default:
      return [];
  }
}
