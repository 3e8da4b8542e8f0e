/**
 * What is wrong with a pack, as data: a message code, its params, and where (file, JSON path).
 * Errors refuse the pack; warnings are shown to the author but the pack still loads.
 */
import { message, type Locale, type MessageCode } from '../i18n/messages';
import type { PackMessageCode } from '../i18n/pack-messages';

export type Params = Readonly<Record<string, string | number>>;

export interface PackError {
  readonly code: PackMessageCode;
  readonly severity: 'error' | 'warning';
  /** Always includes `where` when the problem has a place. */
  readonly params: Params;
  /** Pack-relative file, e.g. `pack.json` or `steps/1.fr.md`. */
  readonly file?: string;
  /** JSON path inside `file`, e.g. `lessons[2].minutes`. */
  readonly path?: string;
  /** The underlying error of a referenced file (a project's or a world's own message). */
  readonly cause?: { readonly code: MessageCode; readonly params: Params };
}

export const PACK_MANIFEST = 'pack.json';

/** « pack.json → lessons[2].minutes », or just the file. */
export function where(file: string, path = ''): string {
  return path ? `${showName(file)} → ${path}` : showName(file);
}

export function packError(
  code: PackMessageCode,
  at: { file?: string; path?: string } = {},
  params: Params = {},
  extra: { severity?: 'error' | 'warning'; cause?: PackError['cause'] } = {},
): PackError {
  return {
    code,
    severity: extra.severity ?? 'error',
    params: at.file !== undefined ? { where: where(at.file, at.path), ...params } : params,
    ...(at.file !== undefined ? { file: at.file } : {}),
    ...(at.path ? { path: at.path } : {}),
    ...(extra.cause ? { cause: extra.cause } : {}),
  };
}

/**
 * A name that came from the pack, safe to show: control and bidi characters made visible,
 * shortened to `max` characters.
 */
export function showName(name: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const visible = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

/** « 10 Mo » / "10 MB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** JSON path `lessons[2].title.fr` from a JSON pointer `/lessons/2/title/fr`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, key) => joinPath(path, /^\d+$/.test(key) ? Number(key) : key), '');
}

/** `path` followed by a property name or an array index. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(showName(key, 40))}]`;
}

/** The sentence for one error, in `locale`, followed by its cause's sentence if any. */
export function describePackError(error: PackError, locale: Locale): string {
  const own = message(error.code, locale, error.params);
  return error.cause ? `${own} ${message(error.cause.code, locale, error.cause.params)}` : own;
}

export const isError = (e: PackError): boolean => e.severity === 'error';
