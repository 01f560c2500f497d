import { findMaterializedLeftovers, pruneMaterializedLeftovers } from './materialized-worktree.js';
import type { Repository } from './repository.js';
import { findDeadScratchDirectories, pruneDeadScratchDirectories } from './scratch-directory.js';

/** Removes what killed runs left behind (scratch directories, materialized check trees). Cheap: call it at every start. */
export async function pruneScratchLeftovers(repository: Repository): Promise<string[]> {
  return [...(await pruneDeadScratchDirectories(repository)), ...(await pruneMaterializedLeftovers())];
}

/** This repository's leftovers of killed runs, found without removing anything (for `status`; `gc` prunes). */
export async function findScratchLeftovers(repository: Repository): Promise<string[]> {
  const checkFolders = (await findMaterializedLeftovers()).filter((leftover) => leftover.commonDir === repository.commonDir);
  return [...(await findDeadScratchDirectories(repository)), ...checkFolders.map((leftover) => leftover.path)];
}
