import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

export const litecodeIgnoreFile = '.litecodeignore';

/**
 * Which of `paths` the agent must leave alone: ignored by git's rules (even if tracked:
 * --no-index) or matched by a top-level .litecodeignore (gitignore syntax). The second file is
 * given to git as core.excludesFile on the command line only, so no config is ever written.
 */
export async function findIgnoredPaths(repository: Repository, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const ignored = await checkIgnore(repository, paths, []);
  const litecodeIgnore = join(repository.topLevel, litecodeIgnoreFile);
  const hasLitecodeIgnore = await access(litecodeIgnore).then(
    () => true,
    () => false,
  );
  if (hasLitecodeIgnore) {
    for (const path of await checkIgnore(repository, paths, ['-c', `core.excludesFile=${litecodeIgnore}`])) ignored.add(path);
  }
  return ignored;
}

async function checkIgnore(repository: Repository, paths: string[], configArgs: string[]): Promise<Set<string>> {
  const { stdout } = await runGit({
    args: [...configArgs, 'check-ignore', '--no-index', '-z', '--stdin'],
    cwd: repository.topLevel,
    input: paths.map((path) => `${path}\0`).join(''),
    okExitCodes: [0, 1],
  });
  return new Set(stdout.split('\0').filter(Boolean));
}
