/**
 * Sends a `.robokitpack` chosen in the page (file picker or drag and drop) to the host: its bytes in
 * base64 parts that each fit one WebSocket message; the host installs the pack after the last part.
 * A file over the upload limit is refused here, before anything is sent.
 */
import type { ImportPackResult, RobokitApi } from '../../../shared/api';
import { MAX_PACK_PART_BASE64, MAX_PACK_UPLOAD_BYTES } from '../../../shared/api-schemas';

/** Raw bytes per part: a multiple of 3, so every part but the last is base64 without padding. */
export const PART_BYTES = (MAX_PACK_PART_BASE64 / 4) * 3;

export type UploadOutcome = ImportPackResult | { readonly status: 'too-large'; readonly max: number };

export async function uploadPack(api: RobokitApi, file: File): Promise<UploadOutcome> {
  if (file.size > MAX_PACK_UPLOAD_BYTES) return { status: 'too-large', max: MAX_PACK_UPLOAD_BYTES };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let uploadId: string | undefined;
  for (let offset = 0; ; offset += PART_BYTES) {
    const end = Math.min(offset + PART_BYTES, bytes.length);
    const more = end < bytes.length;
    const result = await api.importPack({
      from: 'bytes',
      name: file.name,
      base64: toBase64(bytes.subarray(offset, end)),
      ...(uploadId ? { uploadId } : {}),
      ...(more ? { more } : {}),
    });
    if (result.status !== 'partial') return result;
    uploadId = result.uploadId;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
