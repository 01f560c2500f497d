import { runGit } from '../git/run-git.js';
import type { Repository } from '../git/repository.js';

/** The branch HEAD points at (short name), or undefined when HEAD is detached. */
export async function currentBranch(repository: Repository): Promise<string | undefined> {
  const { stdout, exitCode } = await runGit({ args: ['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd: repository.topLevel, okExitCodes: [0, 1] });
  return exitCode === 0 ? stdout.trim() : undefined;
}

export async function hasStagedChanges(repository: Repository): Promise<boolean> {
  const { exitCode } = await runGit({ args: ['diff', '--cached', '--quiet', '--ignore-submodules=none'], cwd: repository.topLevel, okExitCodes: [0, 1] });
  return exitCode === 1;
}

/** Paths (from the top level) that differ between two commits. */
export async function changedPaths(repository: Repository, from: string, to: string): Promise<string[]> {
  const { stdout } = await runGit({ args: ['diff', '--name-only', '--no-renames', '-z', from, to, '--'], cwd: repository.topLevel });
  return splitNul(stdout);
}

/**
 * Of `paths`, the ones the user has touched in the working tree: modified, deleted, or present
 * but untracked (including ignored files, which a merge would overwrite just the same).
 */
export async function locallyChangedPaths(repository: Repository, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const pathspecs = paths.map((path) => `:(literal)${path}`);
  const modified = await runGit({ args: ['diff', '--name-only', '--no-renames', '-z', '--', ...pathspecs], cwd: repository.topLevel });
  const untracked = await runGit({ args: ['ls-files', '--others', '-z', '--', ...pathspecs], cwd: repository.topLevel });
  return [...new Set([...splitNul(modified.stdout), ...splitNul(untracked.stdout)])].sort();
}

function splitNul(text: string): string[] {
  return text.split('\0').filter(Boolean);
}
