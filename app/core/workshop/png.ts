/**
 * Is a `data:image/png;base64,…` URL really a PNG? Checks the base64 alphabet, the 8-byte signature,
 * an IHDR chunk first with a sane size, and an IEND chunk last. Pure: no Buffer, no atob, no canvas.
 */
const PREFIX = 'data:image/png;base64,';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_SIDE = 4096;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (ALPHABET.indexOf(text[i]!) << 18) |
      (ALPHABET.indexOf(text[i + 1]!) << 12) |
      ((Math.max(0, ALPHABET.indexOf(text[i + 2]!)) & 63) << 6) |
      (Math.max(0, ALPHABET.indexOf(text[i + 3]!)) & 63);
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 0xff;
  }
  return out;
}

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const tag = (b: Uint8Array, at: number): string => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

export function isPngDataUrl(url: string): boolean {
  if (!url.startsWith(PREFIX)) return false;
  const bytes = decodeBase64(url.slice(PREFIX.length));
  // Signature (8) + IHDR chunk (4 + 4 + 13 + 4) + IEND chunk (12).
  if (!bytes || bytes.length < 8 + 25 + 12) return false;
  if (SIGNATURE.some((v, i) => bytes[i] !== v)) return false;
  if (u32(bytes, 8) !== 13 || tag(bytes, 12) !== 'IHDR') return false;
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return false;
  // Walk the chunks: each length must fit, and the last one must be IEND.
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const kind = tag(bytes, at + 4);
    const next = at + 12 + length;
    if (next > bytes.length) return false;
    if (kind === 'IEND') return next === bytes.length;
    at = next;
  }
  return false;
}
