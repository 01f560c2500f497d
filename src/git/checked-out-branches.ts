import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/** Branches checked out in any worktree of the repository: git refuses to delete those, and so do we. */
export async function branchesCheckedOut(repository: Repository): Promise<Set<string>> {
  return new Set((await worktreesByBranch(repository)).keys());
}

/**
 * Each checked-out branch and the worktree that has it (`git worktree list --porcelain`), this
 * one included, and, as git itself counts them, branches a worktree is in the middle of
 * rebasing or bisecting (it shows as detached then, but the branch is still its own): moving
 * such a branch would leave that worktree's index and files behind.
 */
export async function worktreesByBranch(repository: Repository): Promise<Map<string, string>> {
  const { stdout } = await runGit({ args: ['worktree', 'list', '--porcelain'], cwd: repository.topLevel });
  const checkedOut = new Map<string, string>();
  let worktree = '';
  let mainWorktree: string | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('worktree ')) {
      worktree = line.slice('worktree '.length);
      mainWorktree ??= worktree;
    } else if (line.startsWith('branch refs/heads/')) checkedOut.set(line.slice('branch refs/heads/'.length), worktree);
  }
  for (const [gitDir, path] of await worktreeGitDirs(repository, mainWorktree)) {
    for (const branch of await branchesInProgress(gitDir)) if (!checkedOut.has(branch)) checkedOut.set(branch, path);
  }
  return checkedOut;
}

/** Every worktree's own git dir with the worktree's path: the main one, then .git/worktrees/<id>. */
async function worktreeGitDirs(repository: Repository, mainWorktree: string | undefined): Promise<[string, string][]> {
  const dirs: [string, string][] = [[repository.commonDir, mainWorktree ?? repository.commonDir]];
  const linked = await readdir(join(repository.commonDir, 'worktrees')).catch(() => [] as string[]);
  for (const id of linked) {
    const gitDir = join(repository.commonDir, 'worktrees', id);
    const dotGit = (await readFile(join(gitDir, 'gitdir'), 'utf8').catch(() => '')).trim();
    if (dotGit) dirs.push([gitDir, dirname(dotGit)]);
  }
  return dirs;
}

/** The branch a rebase or bisect in this git dir will come back to (git's own rule for "in use"). */
async function branchesInProgress(gitDir: string): Promise<string[]> {
  const read = (path: string) => readFile(join(gitDir, path), 'utf8').then((text) => text.trim(), () => '');
  const [merge, apply, bisect] = await Promise.all([read('rebase-merge/head-name'), read('rebase-apply/head-name'), read('BISECT_START')]);
  const branches = [merge, apply].filter((name) => name.startsWith('refs/heads/')).map((name) => name.slice('refs/heads/'.length));
  // BISECT_START holds the short name of the branch bisect started on (or a commit id).
  if (bisect && !/^[0-9a-f]{40,64}$/.test(bisect)) branches.push(bisect.replace(/^refs\/heads\//, ''));
  return branches;
}
