/**
 * Packs uploaded from the browser (file picker or drag and drop) arrive as base64 parts small enough
 * for one WebSocket message. Each upload is written to its own private temporary folder, under the
 * name the file had (so messages name it), never past MAX_PACK_UPLOAD_BYTES; forgotten uploads are
 * removed after a few minutes.
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { formatBytes } from '../../core/lessons/pack-error';
import { MAX_PACK_UPLOAD_BYTES } from '../../shared/api-schemas';

export interface PackUploadsOptions {
  readonly tmpDir?: string;
  readonly maxBytes?: number;
  readonly maxAgeMs?: number;
  /** At most this many uploads at once (the oldest is dropped). */
  readonly maxOpen?: number;
  readonly now?: () => number;
}

interface Upload {
  readonly dir: string;
  readonly file: string;
  size: number;
  touchedAt: number;
}

export interface UploadedPart {
  readonly uploadId: string;
  readonly file: string;
  readonly size: number;
}

export class PackUploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly maxOpen: number;
  private readonly now: () => number;

  constructor(private readonly options: PackUploadsOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_PACK_UPLOAD_BYTES;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.maxOpen = options.maxOpen ?? 4;
    this.now = options.now ?? Date.now;
  }

  /** Adds a part to the upload `uploadId` (a new upload when absent). */
  async append(name: string, base64: string, uploadId?: string): Promise<UploadedPart> {
    await this.expire();
    const bytes = decodeBase64(base64);
    let id = uploadId;
    let upload = id === undefined ? undefined : this.uploads.get(id);
    if (id !== undefined && !upload) throw new AppError({ code: 'pack-upload-lost' });
    if (!upload) {
      while (this.uploads.size >= this.maxOpen) await this.discard(this.uploads.keys().next().value!);
      id = randomBytes(16).toString('hex');
      const dir = await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'robokit-upload-'));
      upload = { dir, file: join(dir, uploadFileName(name)), size: 0, touchedAt: this.now() };
      this.uploads.set(id, upload);
    }
    if (upload.size + bytes.length > this.maxBytes) {
      await this.discard(id!);
      throw new AppError({ code: 'pack-upload-too-large', params: { max: formatBytes(this.maxBytes) } });
    }
    await appendFile(upload.file, bytes, { mode: 0o600 });
    upload.size += bytes.length;
    upload.touchedAt = this.now();
    return { uploadId: id!, file: upload.file, size: upload.size };
  }

  /** Removes an upload's folder (after installing it, or when it fails). */
  async discard(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await rm(upload.dir, { recursive: true, force: true }).catch(() => undefined);
  }

  async discardAll(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.discard(id);
  }

  get openCount(): number {
    return this.uploads.size;
  }

  private async expire(): Promise<void> {
    const now = this.now();
    for (const [id, upload] of [...this.uploads]) if (now - upload.touchedAt > this.maxAgeMs) await this.discard(id);
  }
}

/** Strict base64 (the schema already allowed only its alphabet): whole groups of four. */
function decodeBase64(text: string): Buffer {
  if (text.length % 4 !== 0 || /=[^=]/.test(text)) throw new AppError({ code: 'pack-upload-not-base64' });
  return Buffer.from(text, 'base64');
}

/** The uploaded file's own name, without folders or characters a file system refuses. */
export function uploadFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f<>:"|?*]+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 100);
  return cleaned || 'pack.robokitpack';
}
