import { UsageError } from '../errors/litecode-error.js';
import { runGit } from '../git/run-git.js';
import { type RememberedEntry, rememberConfigEntries, rememberedKeys, rememberedKeysPattern } from './remembered-config.js';

/** git's own names for where a value came from (`git config --show-scope`). */
export type GitConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'unknown';

export interface GitConfigEntry {
  /** null: the key is written without `=`, which git reads as boolean true. */
  value: string | null;
  scope: GitConfigScope;
  /** As git prints it with --show-origin: `file:/home/u/.gitconfig`, `command line:`, `blob:…`. */
  origin: string;
}

/**
 * A config key as git compares it: section and key name are case-insensitive, a subsection is
 * not (`litecode.Hook.timeout` is not `litecode.hook.timeout`, and `git config --get` agrees).
 */
export function canonicalGitConfigKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first === -1) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}

/**
 * The effective `litecode.*` entries, keyed by canonicalGitConfigKey, in one `git config` run, so git itself applies every scope (system, global,
 * local, worktree, `git -c`, GIT_CONFIG_COUNT, include and includeIf) and its precedence:
 * the last value wins. Read-only; outside a repository there is simply no local scope.
 *
 * The same run lists the entries git's colour decision reads (color.litecode, color.ui,
 * diff.color: see color-config.ts) and the user's identity (user.*, author.*: see
 * identity-config.ts), so that neither costs a git process of its own. They are remembered
 * (remembered-config.ts), not returned.
 */
export async function readLitecodeGitConfig(cwd: string, environment?: Record<string, string | undefined>): Promise<Map<string, GitConfigEntry>> {
  const entries = new Map<string, GitConfigEntry>();
  const result = await runGit({
    args: ['config', '--show-scope', '--show-origin', '--null', '--get-regexp', `^(litecode\\.|${rememberedKeysPattern})`],
    cwd,
    env: environment,
    okExitCodes: [0, 1],
  }).catch((error: unknown) => {
    // A config file git cannot parse stops git itself too: say which file, in git's words.
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const gitMessage = stderr.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') || 'git config failed';
    throw new UsageError(`cannot read git config: ${gitMessage}`, 'fix the file git names (git config --list --show-origin shows every setting and its file)', error);
  });
  const extraEntries: RememberedEntry[] = [];
  // Only what the process's own git would see counts for its colour (tests pass other environments).
  const remember = () => environment === undefined && rememberConfigEntries(cwd, extraEntries);
  if (result.exitCode !== 0) {
    remember();
    return entries;
  }
  const fields = result.stdout.split('\0');
  // Each entry is three NUL-terminated fields: scope, origin, then `key\nvalue` (or `key` alone).
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const [scope = 'unknown', origin = '', record = ''] = fields.slice(index, index + 3);
    const newline = record.indexOf('\n');
    const key = newline === -1 ? record : record.slice(0, newline);
    const value = newline === -1 ? null : record.slice(newline + 1);
    const canonical = canonicalGitConfigKey(key);
    if ((rememberedKeys as readonly string[]).includes(canonical)) extraEntries.push({ key: canonical, value });
    else entries.set(canonical, { value, scope: scope as GitConfigScope, origin });
  }
  remember();
  return entries;
}
