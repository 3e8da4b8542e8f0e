/**
 * Bounds on everything in a lesson pack. A pack is untrusted input (SPEC §4, §7): every string,
 * array, number, file and archive has a ceiling, so a hostile pack cannot exhaust memory or time.
 */

export const PACK_LIMITS = {
  /** Entries in an archive or files in a folder (directories included). */
  maxEntries: 2000,
  /** Sum of uncompressed sizes. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** One file, uncompressed. */
  maxFileBytes: 10 * 1024 * 1024,
  /** The `.robokitpack` file itself. */
  maxArchiveBytes: 60 * 1024 * 1024,
  /** Uncompressed ÷ compressed size above which an entry is a zip bomb… */
  maxRatio: 100,
  /** …once it is larger than this (tiny files compress oddly well). */
  ratioFloorBytes: 64 * 1024,
  /** Bytes of a path inside the pack, and its number of folders. */
  maxPathBytes: 200,
  maxPathDepth: 8,
  /** `pack.json`, world files and markdown steps. */
  maxManifestBytes: 1024 * 1024,
  maxWorldBytes: 2 * 1024 * 1024,
  maxMarkdownBytes: 256 * 1024,
  /** JSON nesting of `pack.json` and worlds. */
  maxJsonDepth: 40,
  /** Goals: nesting of `all`/`any`, and conditions in one goal. */
  maxGoalDepth: 6,
  maxGoalConditions: 200,
  /** Errors reported for one pack (the rest are summarised). */
  maxErrors: 50,
} as const;

export type PackLimits = { readonly [K in keyof typeof PACK_LIMITS]: number };
