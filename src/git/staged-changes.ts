import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repository } from './repository.js';
import { runGit, runGitRaw } from './run-git.js';
import { withScratchDirectory } from './scratch-directory.js';

export interface StagedFile {
  path: string;
  status: 'added' | 'modified' | 'renamed' | 'copied';
  binary: boolean;
}

/** The files the next commit would add or change (deletions have nothing to review). */
export async function listStagedFiles(repository: Repository): Promise<StagedFile[]> {
  const { stdout } = await runGit({
    args: ['diff', '--cached', '--numstat', '-z', '--diff-filter=ACMR', '--no-renames', '--no-ext-diff'],
    cwd: repository.topLevel,
  });
  const statuses = await runGit({
    args: ['diff', '--cached', '--name-status', '-z', '--diff-filter=ACMR', '--no-renames'],
    cwd: repository.topLevel,
  });
  const statusByPath = new Map<string, string>();
  const statusParts = statuses.stdout.split('\0').filter(Boolean);
  for (let index = 0; index + 1 < statusParts.length; index += 2) statusByPath.set(statusParts[index + 1]!, statusParts[index]!);
  return stdout
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const [added, , path] = entry.split('\t');
      const letter = statusByPath.get(path!) ?? 'M';
      const status = letter === 'A' ? 'added' : letter === 'C' ? 'copied' : letter === 'R' ? 'renamed' : 'modified';
      return { path: path!, status, binary: added === '-' } satisfies StagedFile;
    });
}

/** The staged bytes of one file (stage 0 of the index), read without touching the index. */
export async function readStagedFile(repository: Repository, path: string): Promise<Buffer> {
  const { stdout } = await runGitRaw({ args: ['cat-file', 'blob', `:0:${path}`], cwd: repository.topLevel });
  return stdout;
}

export async function stagedDiff(repository: Repository, path: string): Promise<string> {
  const { stdout } = await runGit({
    args: ['diff', '--cached', '--no-color', '--no-ext-diff', '--unified=3', '--', path],
    cwd: repository.topLevel,
  });
  return stdout;
}

/**
 * A commit of exactly what is staged, parented on HEAD, made from a copy of the index so
 * the user's .git/index is never rewritten (plain `git write-tree` may update its cache).
 * Nothing points at it: it is only a base for a suggestion branch.
 */
export async function commitStagedSnapshot(repository: Repository, headCommit: string): Promise<string> {
  return withScratchDirectory(repository, async (directory) => {
    const indexCopy = join(directory, 'index');
    await copyFile(join(repository.gitDir, 'index'), indexCopy);
    const env = { GIT_INDEX_FILE: indexCopy };
    const tree = (await runGit({ args: ['write-tree'], cwd: repository.topLevel, env })).stdout.trim();
    const commit = await runGit({
      args: ['commit-tree', tree, '-p', headCommit, '-m', 'git-litecode: staged changes'],
      cwd: repository.topLevel,
    });
    return commit.stdout.trim();
  });
}
