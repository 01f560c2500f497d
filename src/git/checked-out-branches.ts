import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/** Branches checked out in any worktree of the repository: git refuses to delete those, and so do we. */
export async function branchesCheckedOut(repository: Repository): Promise<Set<string>> {
  return new Set((await worktreesByBranch(repository)).keys());
}

/**
 * Each checked-out branch and the worktree that has it (`git worktree list --porcelain`), this
 * one included: moving such a branch would leave that worktree's index and files behind.
 */
export async function worktreesByBranch(repository: Repository): Promise<Map<string, string>> {
  const { stdout } = await runGit({ args: ['worktree', 'list', '--porcelain'], cwd: repository.topLevel });
  const checkedOut = new Map<string, string>();
  let worktree = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('worktree ')) worktree = line.slice('worktree '.length);
    else if (line.startsWith('branch refs/heads/')) checkedOut.set(line.slice('branch refs/heads/'.length), worktree);
  }
  return checkedOut;
}
