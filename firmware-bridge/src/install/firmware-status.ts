/**
 * Is the firmware a board answers with the one RoboKit ships, an older one, or something else?
 * One sentence for each (by message code) and whether to offer « Mettre à jour ». Pure.
 */
import type { MessageCode } from '../../../app/core/i18n/messages';
import { FIRMWARE_IMAGES } from './firmware-images';
import type { FirmwareInfo } from './identify-firmware';

export interface FirmwareStatus {
  readonly upToDate: boolean;
  readonly latest: string;
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string>>;
}

/** Compares dotted versions numerically: "1.10.0" > "1.9.2". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export function firmwareStatus(info: FirmwareInfo): FirmwareStatus {
  const latest = FIRMWARE_IMAGES[info.firmware].version;
  const upToDate = compareVersions(info.version, latest) >= 0;
  const params = { firmware: info.name, version: info.version, latest };
  return { upToDate, latest, code: upToDate ? 'firmware-up-to-date' : 'firmware-old', params };
}
