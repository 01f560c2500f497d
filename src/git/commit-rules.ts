import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/** The hooks `git commit` runs. A `*.sample` file, or one that is not executable, is not run by git and does not count. */
const commitHookNames = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit'] as const;

/**
 * What the user's `git commit` would do that a fast-forward skips: hooks, a commit template,
 * signing. Each entry is a short phrase for the user ("pre-commit hook", "commit.gpgsign").
 */
export async function commitRulesInEffect(repository: Repository): Promise<string[]> {
  const rules: string[] = [];
  const hooksDirectory = await effectiveHooksDirectory(repository);
  for (const name of commitHookNames) {
    if (isRunnableHook(join(hooksDirectory, name))) rules.push(`${name} hook`);
  }
  if (await configValue(repository, 'commit.template', 'path')) rules.push('commit.template');
  if ((await configValue(repository, 'commit.gpgsign', 'bool')) === 'true') rules.push('commit.gpgsign');
  return rules;
}

/** core.hooksPath if set (relative to the top level, where git runs hooks), else the shared git dir's hooks. */
async function effectiveHooksDirectory(repository: Repository): Promise<string> {
  const { stdout } = await runGit({ args: ['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], cwd: repository.topLevel });
  return stdout.trim();
}

function isRunnableHook(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function configValue(repository: Repository, key: string, type: 'bool' | 'path'): Promise<string | undefined> {
  // An unparsable value makes git exit 128; git commit would then fail on its own, so treat it as set.
  const result = await runGit({ args: ['config', `--type=${type}`, '--get', key], cwd: repository.topLevel, okExitCodes: [0, 1, 128] });
  if (result.exitCode === 128) return 'true';
  return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
}
