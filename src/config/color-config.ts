import { parseGitBoolean } from './git-config-values.js';

/**
 * The config entries `git config --get-colorbool color.litecode` reads, as the one `git config`
 * run of litecode settings listed them (read-git-config.ts widens its pattern to them), so that
 * deciding colour for a pipe costs no git process of its own. In config order: the last one wins.
 */
export interface ColorConfigEntry {
  key: 'color.litecode' | 'color.ui' | 'diff.color';
  /** null: the key is written without `=` (true, as a boolean). */
  value: string | null;
}

/** The keys (canonical: git lowercases section and key names) and the pattern that lists them with litecode's. */
export const colorConfigKeys = ['color.litecode', 'color.ui', 'diff.color'] as const;
export const colorConfigPattern = 'color\\.litecode$|color\\.ui$|diff\\.color$';

let remembered: { cwd: string; entries: ColorConfigEntry[] } | undefined;

/** Kept for this process: the entries as read in `cwd` with the process's own environment. */
export function rememberColorConfig(cwd: string, entries: ColorConfigEntry[]): void {
  remembered = { cwd, entries };
}

/** The entries read in `cwd`, or undefined when no read of this process saw them there. */
export function rememberedColorConfig(cwd: string): ColorConfigEntry[] | undefined {
  return remembered?.cwd === cwd ? remembered.entries : undefined;
}

type ColorBool = 'never' | 'always' | 'auto';

/** git_config_colorbool: never/always/auto, else a boolean (true means auto); undefined where git dies. */
function colorBool(value: string | null): ColorBool | undefined {
  const word = value?.toLowerCase();
  if (word === 'never' || word === 'always' || word === 'auto') return word;
  const boolean = parseGitBoolean(value);
  return boolean === undefined ? undefined : boolean ? 'auto' : 'never';
}

/**
 * What `git config --get-colorbool color.litecode false` prints when stdout is no terminal and
 * no pager is in use: git parses every color.litecode, color.ui and diff.color entry (one it
 * cannot read makes it fail: no colour), takes the last color.litecode, else the last color.ui,
 * else auto; and auto means no colour off a terminal. So only `always` colours a pipe.
 */
export function colorForPipe(entries: readonly ColorConfigEntry[]): boolean {
  let litecode: ColorBool | undefined;
  let ui: ColorBool | undefined;
  for (const entry of entries) {
    const parsed = colorBool(entry.value);
    if (parsed === undefined) return false;
    if (entry.key === 'color.litecode') litecode = parsed;
    else if (entry.key === 'color.ui') ui = parsed;
  }
  return (litecode ?? ui ?? 'auto') === 'always';
}
