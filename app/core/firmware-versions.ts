/**
 * The firmware versions this RoboKit ships (firmware-bridge/firmware/), so every part can tell an
 * old firmware from the current one: the robot panel on connect, `robokit firmware info`. Pure.
 */
export const SHIPPED_FIRMWARE_VERSIONS = { robokit: '1.0.0', firmata: '2.4' } as const;

export type ShippedFirmware = keyof typeof SHIPPED_FIRMWARE_VERSIONS;

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

/** True when `version` of `firmware` is older than the one this RoboKit ships. */
export function isOlderThanShipped(firmware: ShippedFirmware, version: string): boolean {
  return compareVersions(version, SHIPPED_FIRMWARE_VERSIONS[firmware]) < 0;
}
