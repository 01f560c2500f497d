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
  let lines: string[];
  try {
    const { stdout } = await runGit({
      args: ['rev-parse', '--path-format=absolute', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir', '--show-object-format'],
      cwd,
    });
    lines = stdout.trimEnd().split('\n');
  } catch (error) {
    if (error instanceof GitCommandError && /not a git repository/i.test(error.stderr)) {
      throw new GitStateError(`not a git repository: ${cwd}`, 'run git litecode inside a git repository, or create one with `git init`');
    }
    throw error;
  }
  const [isBare, gitDir, commonDir, objectFormat] = lines;
  if (isBare === 'true') {
    throw new GitStateError('this is a bare repository, which has no working tree to edit', 'run git litecode in a clone with a working tree');
  }
  const { stdout: topLevelOut } = await runGit({ args: ['rev-parse', '--show-toplevel'], cwd });
  const repository: Repository = {
    topLevel: topLevelOut.trim(),
    gitDir: gitDir!,
    commonDir: commonDir!,
    objectFormat: objectFormat === 'sha256' ? 'sha256' : 'sha1',
  };
  const head = await runGit({ args: ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], cwd: repository.topLevel, okExitCodes: [0, 1] });
  if (head.exitCode !== 0) {
    throw new GitStateError('this repository has no commits yet', 'make a first commit (git add . && git commit -m "initial"), then run git litecode again');
  }
  return repository;
}
