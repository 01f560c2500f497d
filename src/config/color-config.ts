import { parseGitBoolean } from './git-config-values.js';
import { rememberedConfigEntries, type RememberedEntry } from './remembered-config.js';

/**
 * The config entries `git config --get-colorbool color.litecode` reads (color.litecode,
 * color.ui, diff.color), as the one `git config` run of litecode settings listed them, or
 * undefined when this process did not read them in `cwd` (see remembered-config.ts).
 */
export function rememberedColorConfig(cwd: string): RememberedEntry[] | undefined {
  return rememberedConfigEntries(cwd)?.filter((entry) => colorKeys.has(entry.key));
}

const colorKeys = new Set(['color.litecode', 'color.ui', 'diff.color']);

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
export function colorForPipe(entries: readonly RememberedEntry[]): boolean {
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
