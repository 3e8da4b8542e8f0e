/**
 * Is the firmware a board answers with the one RoboKit ships, an older one, or something else?
 * One sentence for each (by message code) and whether to offer « Mettre à jour ». Pure.
 */
import { compareVersions } from '../../../app/core/firmware-versions';
import type { MessageCode } from '../../../app/core/i18n/messages';
import { FIRMWARE_IMAGES } from './firmware-images';
import type { FirmwareInfo } from './identify-firmware';

export { compareVersions };

export interface FirmwareStatus {
  readonly upToDate: boolean;
  readonly latest: string;
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string>>;
}

export function firmwareStatus(info: FirmwareInfo): FirmwareStatus {
  const latest = FIRMWARE_IMAGES[info.firmware].version;
  const upToDate = compareVersions(info.version, latest) >= 0;
  const params = { firmware: info.name, version: info.version, latest };
  return { upToDate, latest, code: upToDate ? 'firmware-up-to-date' : 'firmware-old', params };
}
