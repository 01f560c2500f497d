import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError } from '../errors/litecode-error.js';
import type { Repository } from './repository.js';

/** The marker files git leaves in the (per-worktree) git dir while an operation waits for the user. */
const operations = [
  { marker: 'MERGE_HEAD', name: 'a merge', finish: 'git merge --continue or git merge --abort' },
  { marker: 'rebase-merge', name: 'a rebase', finish: 'git rebase --continue or git rebase --abort' },
  { marker: 'rebase-apply', name: 'a rebase or git am', finish: 'git rebase --continue/--abort or git am --continue/--abort' },
  { marker: 'CHERRY_PICK_HEAD', name: 'a cherry-pick', finish: 'git cherry-pick --continue or git cherry-pick --abort' },
  { marker: 'REVERT_HEAD', name: 'a revert', finish: 'git revert --continue or git revert --abort' },
  { marker: 'BISECT_LOG', name: 'a bisect', finish: 'git bisect reset' },
] as const;

export async function findOperationInProgress(repository: Repository): Promise<(typeof operations)[number] | undefined> {
  for (const operation of operations) {
    const present = await access(join(repository.gitDir, operation.marker)).then(
      () => true,
      () => false,
    );
    if (present) return operation;
  }
  return undefined;
}

export async function assertNoOperationInProgress(repository: Repository): Promise<void> {
  const operation = await findOperationInProgress(repository);
  if (operation) {
    throw new GitStateError(`${operation.name} is in progress in this repository`, `finish it first (${operation.finish}), then run git litecode again`);
  }
}
