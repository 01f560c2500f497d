import { isFullObjectId } from './blob-reader.js';
import { join } from 'node:path';
import { GitStateError } from '../errors/litecode-error.js';
import { GitCommandError, runGit } from './run-git.js';

/** Where a repository lives, as git itself reports it. Paths are absolute. */
export interface Repository {
  /** The working tree the user is in (a linked worktree's own top level, if in one). */
  topLevel: string;
  /** This worktree's git dir (for a linked worktree: .git/worktrees/<name>). */
  gitDir: string;
  /** The shared git dir: objects, refs, config and litecode's own files live here. */
  commonDir: string;
  objectFormat: 'sha1' | 'sha256';
  /**
   * HEAD's commit when the repository was discovered (the same git process tells it). Only for
   * reads that nothing before them can have moved HEAD (`apply` does): it saves a rev-parse.
   */
  headAtDiscovery?: string;
}

/** litecode's own files live in the shared git dir, never in the working tree. */
export function litecodeDir(repository: Repository): string {
  return join(repository.commonDir, 'litecode');
}

/**
 * Finds the repository containing `cwd`, from any subdirectory or linked worktree.
 * Refuses, with what to do next, outside git, in a bare repository, and before the first commit.
 */
export async function discoverRepository(cwd: string): Promise<Repository> {
  // One git process answers all of it: the last lines are the top level (absent in a bare
  // repository) and HEAD's commit (absent before the first commit).
  const { stdout, stderr, exitCode } = await runGit({
    args: ['rev-parse', '--path-format=absolute', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir', '--show-object-format', '--show-toplevel', 'HEAD^{commit}', '--'],
    cwd,
    okExitCodes: [0, 128],
  });
  if (exitCode !== 0 && /not a git repository/i.test(stderr)) {
    throw new GitStateError(`not a git repository: ${cwd}`, 'run git litecode inside a git repository, or create one with `git init`');
  }
  const [isBare, gitDir, commonDir, objectFormat, topLevel, head] = stdout.split('\n');
  if (isBare === 'true') {
    throw new GitStateError('this is a bare repository, which has no working tree to edit', 'run git litecode in a clone with a working tree');
  }
  if (!gitDir || !commonDir || !topLevel) throw new GitCommandError(['rev-parse'], exitCode, stderr);
  if (exitCode !== 0 || !isFullObjectId(head ?? '')) {
    throw new GitStateError('this repository has no commits yet', 'make a first commit (git add . && git commit -m "initial"), then run git litecode again');
  }
  return { topLevel, gitDir, commonDir, objectFormat: objectFormat === 'sha256' ? 'sha256' : 'sha1', headAtDiscovery: head };
}
