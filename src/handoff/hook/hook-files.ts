import { lstat, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError } from '../../errors/litecode-error.js';
import { stagedHookName } from './shipped-hook-script.js';

/** A hooks directory git-litecode cannot write to is a property of the repository: exit 4, nothing half-done. */
export async function withWriteErrorsExplained<T>(directory: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') {
      await rm(join(directory, stagedHookName), { force: true }).catch(() => undefined);
      throw new GitStateError(
        `cannot write to the hooks directory ${directory} (${code})`,
        'make it writable, or point core.hooksPath at a writable directory (git config core.hooksPath <dir>), then try again',
        error,
      );
    }
    throw error;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
