import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/** Branches checked out in any worktree of the repository: git refuses to delete those, and so do we. */
export async function branchesCheckedOut(repository: Repository): Promise<Set<string>> {
  const { stdout } = await runGit({ args: ['worktree', 'list', '--porcelain'], cwd: repository.topLevel });
  return new Set(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('branch refs/heads/'))
      .map((line) => line.slice('branch refs/heads/'.length)),
  );
}
