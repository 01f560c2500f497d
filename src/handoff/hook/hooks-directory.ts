import { resolve } from 'node:path';
import { runGit } from '../../git/run-git.js';
import type { Repository } from '../../git/repository.js';

/** Where git runs this repository's hooks from: core.hooksPath if set (relative to the top level), else the shared hooks dir. */
export async function hooksDirectory(repository: Repository): Promise<string> {
  const configured = await runGit({ args: ['config', '--path', '--get', 'core.hooksPath'], cwd: repository.topLevel, okExitCodes: [0, 1] });
  const hooksPath = configured.stdout.trim();
  if (configured.exitCode === 0 && hooksPath !== '') return resolve(repository.topLevel, hooksPath);
  const { stdout } = await runGit({ args: ['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], cwd: repository.topLevel });
  return stdout.trim();
}
