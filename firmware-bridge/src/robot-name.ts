/** The robot's name as the RoboKit firmware keeps it (docs/protocol.md, `name TEXT`). */

/** A name the firmware keeps: ≤ 24 bytes of UTF-8, no line break. */
export const NAME_MAX_BYTES = 24;

/** Whether the firmware can keep `name`: 1…24 bytes of UTF-8, printable, no line break. */
export function validRobotName(name: string): boolean {
  const bytes = new TextEncoder().encode(name).length;
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return bytes > 0 && bytes <= NAME_MAX_BYTES && name.trim() === name && !control;
}
