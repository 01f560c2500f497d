import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readIfExists } from './hook-files.js';
import { hookManagerOf, pushedAsideNames, type HookManager } from './hook-manager.js';
import { chainedHookName, isOurHook } from './shipped-hook-script.js';

export interface Resync {
  /** The manager that replaced git-litecode's hook with its own, when known. */
  manager: HookManager | undefined;
  /** Leftovers of git-litecode's install that were removed (file names in the hooks directory). */
  removed: string[];
}

/**
 * A hook manager re-synced over git-litecode's hook (`lefthook install`, `husky`, `pre-commit
 * install`): `pre-commit` is the manager's again, ours may sit where the manager pushed it
 * aside, and the hook we had chained is stale. This removes our leftovers and leaves the hooks
 * directory as the manager would have left it had git-litecode never been installed. Returns
 * undefined, touching nothing, when there was no re-sync (our hook is in place, or none of ours is anywhere).
 */
export async function settleResync(directory: string): Promise<Resync | undefined> {
  const hookPath = join(directory, 'pre-commit');
  const chainedPath = join(directory, chainedHookName);
  const current = await readIfExists(hookPath);
  if (current === undefined || isOurHook(current)) return undefined;
  const chained = await readIfExists(chainedPath);
  const manager = hookManagerOf(current);
  const removed: string[] = [];

  let pushedAsideTo: string | undefined;
  for (const name of pushedAsideNames) {
    const contents = await readIfExists(join(directory, name));
    if (contents && isOurHook(contents)) {
      await rm(join(directory, name));
      removed.push(name);
      pushedAsideTo = name;
    }
  }
  const chainedIsStale = chained !== undefined && (chained.equals(current) || (manager !== undefined && hookManagerOf(chained) === manager));
  if (chained !== undefined && chainedIsStale) {
    await rm(chainedPath);
    removed.push(chainedHookName);
  } else if (chained !== undefined && pushedAsideTo !== undefined) {
    // The user's own earlier hook: where the manager keeps a hook it replaced, as it would have
    // had git-litecode never been there.
    await rename(chainedPath, join(directory, pushedAsideTo));
    removed.push(chainedHookName);
  }
  if (removed.length === 0) return undefined;
  return { manager: manager ?? undefined, removed };
}
