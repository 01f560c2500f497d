import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError } from '../errors/litecode-error.js';
import { literalPathspecs } from './read-object.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';
import { commitTree, revParse } from './scratch-commit.js';
import { withScratchDirectory } from './scratch-directory.js';
import { listUncommittedPaths } from './working-tree-status.js';

/**
 * What an agent change is built on: the user's HEAD, or (with --snapshot) a commit of the
 * working tree's tracked files on top of HEAD. Untracked files are not in a snapshot.
 */
export type BaseCommit = { kind: 'head'; commit: string } | { kind: 'snapshot'; commit: string; headCommit: string };

export const snapshotSubject = 'Snapshot of uncommitted changes (git litecode --snapshot)';

/** `head`: HEAD's commit as discovery just read it, when nothing since can have moved HEAD (saves a rev-parse). */
export async function resolveBase(repository: Repository, options: { snapshot: boolean; head?: string }): Promise<BaseCommit> {
  const head = options.head ?? (await revParse(repository, 'HEAD^{commit}'));
  if (!options.snapshot) return { kind: 'head', commit: head };
  const stash = await createStashWithoutTouchingIndex(repository);
  if (!stash) return { kind: 'head', commit: head };
  // The stash commit is a merge of HEAD and an index commit; the agent branch gets a plain
  // child of HEAD with the same tree, so that its history stays linear.
  const tree = await revParse(repository, `${stash}^{tree}`);
  const snapshot = await commitTree(repository, tree, head, `${snapshotSubject}\n`, undefined);
  return { kind: 'snapshot', commit: snapshot, headCommit: head };
}

/**
 * `git stash create` refreshes and rewrites the index it reads, even with --no-optional-locks
 * (measured on git 2.39), so it runs on a private copy of the index. With a split index the
 * shared part is found in the git dir, which the copy still points at.
 */
async function createStashWithoutTouchingIndex(repository: Repository): Promise<string | undefined> {
  return withScratchDirectory(repository, async (directory) => {
    const indexCopy = join(directory, 'index');
    try {
      await copyFile(join(repository.gitDir, 'index'), indexCopy);
    } catch (error) {
      // Without an index, git would read the snapshot as "every file deleted".
      throw new GitStateError('this worktree has no index file to snapshot', 'run git status once to recreate it, or drop --snapshot', error);
    }
    const { stdout } = await runGit({
      args: ['stash', 'create', 'git litecode snapshot'],
      cwd: repository.topLevel,
      env: { GIT_INDEX_FILE: indexCopy },
    });
    return stdout.trim() || undefined;
  });
}

/**
 * Refuses to build on HEAD when a file the task changes has uncommitted edits there: the agent
 * would silently ignore them. A snapshot contains tracked edits, but not untracked files.
 */
export async function assertFilesNotDirty(repository: Repository, paths: string[], base: BaseCommit): Promise<void> {
  const uncommitted = await listUncommittedPaths(repository, paths);
  const dirty = paths.filter((path) => uncommitted.has(path));
  if (dirty.length === 0) return;
  if (base.kind === 'head') {
    throw new GitStateError(
      `${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes that the task would edit`,
      'commit or stash them first, or pass --snapshot to build on your working tree as it is',
    );
  }
  const tracked = await runGit({ args: ['ls-tree', '-z', '--name-only', '--full-tree', base.commit, '--', ...dirty], cwd: repository.topLevel, env: literalPathspecs });
  const inSnapshot = new Set(tracked.stdout.split('\0').filter(Boolean));
  const untracked = dirty.filter((path) => !inSnapshot.has(path));
  if (untracked.length > 0) {
    throw new GitStateError(
      `${untracked.join(', ')} ${untracked.length === 1 ? 'is an untracked file' : 'are untracked files'}, which a snapshot does not include`,
      'add them with git add (a snapshot includes staged files), or move them away',
    );
  }
}
