/** Reading the files a command is given, turning every failure into a clear AppError. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import { parseProject, PROJECT_LIMITS, type Project } from '../core/project/project';

export async function readTextFile(path: string, maxBytes: number): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError({ code: 'file-unreadable', params: { file: basename(path) } });
    if (info.size > maxBytes) {
      throw new AppError({ code: 'file-too-large', params: { size: `${info.size} octets` } });
    }
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError({ code: 'file-unreadable', params: { file: basename(path) } });
  }
}

export async function loadProject(path: string): Promise<Project> {
  const text = await readTextFile(path, PROJECT_LIMITS.maxChars);
  const result = parseProject(text);
  if (!result.ok) throw new AppError({ code: result.error.code, params: result.error.params });
  return result.project;
}
