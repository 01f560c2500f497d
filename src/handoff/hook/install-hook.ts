import { chmod, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError } from '../../errors/litecode-error.js';
import type { Repository } from '../../git/repository.js';
import { readHookInstallRecord, writeHookInstallRecord } from './hook-install-record.js';
import { hooksDirectory } from './hooks-directory.js';
import { chainedHookName, isOurHook, shippedHookScript } from './shipped-hook-script.js';

export interface HookInstallResult {
  outcome: 'installed' | 'updated';
  hookPath: string;
  /** Where the user's own hook now lives, when there was one: ours runs it first and keeps its exit code. */
  chainedHookPath: string | undefined;
}

/**
 * Installs git-litecode's pre-commit hook where git will run it. An existing hook is never
 * overwritten: it is moved aside, byte for byte and mode included, and chained. Running it twice
 * gives the same result as running it once.
 */
export async function installHook(repository: Repository): Promise<HookInstallResult> {
  const directory = await hooksDirectory(repository);
  const hookPath = join(directory, 'pre-commit');
  const chainedHookPath = join(directory, chainedHookName);
  const script = await shippedHookScript();

  return withWriteErrorsExplained(directory, async () => {
    const createdDirectory = !(await exists(directory));
    if (createdDirectory) await mkdir(directory, { recursive: true });
    const previous = await readHookInstallRecord(repository);
    if (createdDirectory || previous?.hooksDirectory !== directory) await writeHookInstallRecord(repository, { hooksDirectory: directory, createdDirectory });

    const existing = await readIfExists(hookPath);
    const chained = (await exists(chainedHookPath)) ? chainedHookPath : undefined;
    if (existing && isOurHook(existing)) {
      await writeAtomically(hookPath, script);
      return { outcome: 'updated', hookPath, chainedHookPath: chained };
    }
    if (existing && chained) {
      throw new GitStateError(
        `${hookPath} is not git-litecode's, and ${chainedHookPath} already holds an earlier hook`,
        `keep the one you want as ${hookPath}, delete ${chainedHookPath}, then run git litecode hook install again`,
      );
    }
    // Write ours beside it first, so that a crash never leaves the user's hook half-moved.
    const staged = `${hookPath}.litecode-new`;
    await writeFile(staged, script, { mode: 0o755 });
    await chmod(staged, 0o755);
    if (existing) await rename(hookPath, chainedHookPath);
    await rename(staged, hookPath);
    return { outcome: 'installed', hookPath, chainedHookPath: existing ? chainedHookPath : chained };
  });
}

async function writeAtomically(path: string, contents: Buffer): Promise<void> {
  const staged = `${path}.litecode-new`;
  await writeFile(staged, contents, { mode: 0o755 });
  await chmod(staged, 0o755);
  await rename(staged, path);
}

/** A hooks directory git-litecode cannot write to is a property of the repository: exit 4, nothing half-done. */
export async function withWriteErrorsExplained<T>(directory: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') {
      await rm(join(directory, 'pre-commit.litecode-new'), { force: true }).catch(() => undefined);
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
