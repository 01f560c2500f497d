import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryGit } from './fixture-repository.js';

/**
 * Everything invariant 1 protects, read with git itself: HEAD and the current branch, the
 * exact bytes of .git/index, every file of the working tree (tracked, untracked and ignored),
 * the stash, the config and the branch list.
 */
export async function snapshotUserState(dir: string, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const git = async (args: string[]): Promise<string> => {
    const result = tryGit(['--no-optional-locks', ...args], { cwd: dir, env });
    return `${result.exitCode}:${result.stdout}`;
  };
  const gitDir = (await git(['rev-parse', '--absolute-git-dir'])).slice(2).trim();
  const hashFile = (path: string): string => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');
  const files = (await git(['ls-files', '-z', '--cached', '--others'])).slice(2).split('\0').filter(Boolean);
  return {
    head: await git(['rev-parse', 'HEAD']),
    branch: await git(['symbolic-ref', '-q', 'HEAD']),
    index: hashFile(join(gitDir, 'index')),
    status: await git(['status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignored']),
    tree: files.map((file) => `${file}=${hashFile(join(dir, file))}`).join('\n'),
    stash: await git(['stash', 'list']),
    config: hashFile(join(gitDir, 'config')),
    branches: await git(['for-each-ref', '--format=%(refname) %(objectname)']),
  };
}
