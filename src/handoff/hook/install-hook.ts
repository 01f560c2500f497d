import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError } from '../../errors/litecode-error.js';
import type { Repository } from '../../git/repository.js';
import { exists, readIfExists, withWriteErrorsExplained } from './hook-files.js';
import { readHookInstallRecord, writeHookInstallRecord } from './hook-install-record.js';
import { hookManagerOf, isHuskyHooksDirectory, type HookManager } from './hook-manager.js';
import { hooksDirectory } from './hooks-directory.js';
import { settleResync, type Resync } from './settle-resync.js';
import { chainedHookName, isOurHook, shippedHookScript, stagedHookName } from './shipped-hook-script.js';

export interface HookInstallResult {
  outcome: 'installed' | 'updated';
  hookPath: string;
  /** Where the user's own hook now lives, when there was one: ours runs it first and keeps its exit code. */
  chainedHookPath: string | undefined;
  /** The hook manager whose hook ours runs first (or whose hooks directory this is): its re-syncs replace ours. */
  manager: HookManager | undefined;
  /** A manager had re-synced over an earlier install: its leftovers were cleared first. */
  resync: Resync | undefined;
}

/**
 * Installs git-litecode's pre-commit hook where git will run it. An existing hook is never
 * overwritten: it is moved aside, byte for byte and mode included, and chained. Running it twice
 * gives the same result as running it once. After a hook manager re-synced over an earlier
 * install (lefthook, husky, the pre-commit framework), it clears that install's leftovers and
 * installs afresh, chaining the manager's current hook.
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

    const resync = await settleResync(directory);
    // A dangling symlink reads as absent but is still the user's: keep it, like any other hook.
    const existing = (await exists(hookPath)) ? ((await readIfExists(hookPath)) ?? Buffer.alloc(0)) : undefined;
    const chained = (await exists(chainedHookPath)) ? chainedHookPath : undefined;
    const huskyDirectory = await isHuskyHooksDirectory(directory);
    const managerOf = async (chainedHook: Buffer | undefined): Promise<HookManager | undefined> =>
      huskyDirectory ? 'husky' : hookManagerOf(chainedHook ?? (chained ? await readIfExists(chained) : undefined));
    if (existing && isOurHook(existing)) {
      await rename(await stageHook(directory, script), hookPath);
      return { outcome: 'updated', hookPath, chainedHookPath: chained, manager: await managerOf(undefined), resync };
    }
    if (existing && chained) {
      throw new GitStateError(
        `${hookPath} is not git-litecode's, and ${chainedHookPath} already holds an earlier hook`,
        `keep the one you want as ${hookPath}, delete ${chainedHookPath}, then run git litecode hook install again`,
      );
    }
    // Write ours beside it first, so that a crash never leaves the user's hook half-moved.
    const staged = await stageHook(directory, script);
    if (existing) await rename(hookPath, chainedHookPath);
    await rename(staged, hookPath);
    return { outcome: 'installed', hookPath, chainedHookPath: existing ? chainedHookPath : chained, manager: await managerOf(existing), resync };
  });
}

/** Writes the executable script beside the hook; returns its path, for a rename into place. */
async function stageHook(directory: string, script: Buffer): Promise<string> {
  const staged = join(directory, stagedHookName);
  await writeFile(staged, script, { mode: 0o755 });
  // The mode given to writeFile is filtered by the umask.
  await chmod(staged, 0o755);
  return staged;
}
