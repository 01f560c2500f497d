import { runGit } from '../git/run-git.js';

export type GitConfigScope = 'local' | 'global';

/**
 * Every `litecode.*` entry in one scope, keyed by lower-cased name (git lower-cases section and
 * key names). Read-only; outside a repository the local scope is simply empty.
 */
export async function readLitecodeGitConfig(
  scope: GitConfigScope,
  cwd: string,
  environment?: Record<string, string | undefined>,
): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const result = await runGit({
    args: ['config', `--${scope}`, '--null', '--get-regexp', '^litecode\\.'],
    cwd,
    env: environment,
    okExitCodes: [0, 1, 128],
  }).catch(() => undefined);
  if (!result || result.exitCode !== 0) return entries;
  for (const record of result.stdout.split('\0')) {
    if (!record) continue;
    const newline = record.indexOf('\n');
    const key = newline === -1 ? record : record.slice(0, newline);
    // A key without "=value" is boolean true in git config.
    const value = newline === -1 ? 'true' : record.slice(newline + 1);
    entries.set(key.toLowerCase(), value);
  }
  return entries;
}
