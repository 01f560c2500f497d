import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repository } from '../../git/repository.js';
import { readHookInstallRecord, removeHookInstallRecord } from './hook-install-record.js';
import { hooksDirectory } from './hooks-directory.js';
import { exists, readIfExists, withWriteErrorsExplained } from './hook-files.js';
import { settleResync, type Resync } from './settle-resync.js';
import { chainedHookName, isOurHook, stagedHookName } from './shipped-hook-script.js';

export interface HookUninstallResult {
  outcome: 'removed' | 'not-installed';
  hookPath: string;
  /** The user's own hook, put back where it was. */
  restoredHookPath: string | undefined;
  /** A hook manager had re-synced over ours: its hook stays, and only our leftovers went. */
  resync: Resync | undefined;
}

/**
 * Removes git-litecode's hook and puts back exactly what was there before install. When a hook
 * manager has re-synced since (its hook replaced ours), its hook stays and our leftovers go.
 */
export async function uninstallHook(repository: Repository): Promise<HookUninstallResult> {
  const directory = await hooksDirectory(repository);
  const hookPath = join(directory, 'pre-commit');
  const chainedHookPath = join(directory, chainedHookName);
  return withWriteErrorsExplained(directory, async () => {
    // An install killed before its last rename leaves this beside the hooks.
    await rm(join(directory, stagedHookName), { force: true });
    const resync = await settleResync(directory);
    if (resync) {
      await removeRecordAndCreatedDirectory(repository, directory);
      return { outcome: 'removed', hookPath, restoredHookPath: undefined, resync };
    }
    const current = await readIfExists(hookPath);
    const ours = current !== undefined && isOurHook(current);
    const hasChained = await exists(chainedHookPath);
    // No hook at all but a chained one: an install that stopped half-way; finishing the restore is safe.
    if (!ours && !(current === undefined && hasChained)) return { outcome: 'not-installed', hookPath, restoredHookPath: undefined, resync: undefined };

    if (ours) await rm(hookPath);
    if (hasChained) await rename(chainedHookPath, hookPath);
    await removeRecordAndCreatedDirectory(repository, directory);
    return { outcome: 'removed', hookPath, restoredHookPath: hasChained ? hookPath : undefined, resync: undefined };
  });
}

async function removeRecordAndCreatedDirectory(repository: Repository, directory: string): Promise<void> {
  const record = await readHookInstallRecord(repository);
  if (record?.createdDirectory && record.hooksDirectory === directory && (await readdir(directory)).length === 0) await rmdir(directory);
  await removeHookInstallRecord(repository);
}
