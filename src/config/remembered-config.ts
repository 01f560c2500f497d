/**
 * Config entries beyond litecode's own that the one `git config` run of settings also lists
 * (read-git-config.ts widens its pattern to them), kept for this process so that deciding
 * colour (color-config.ts) or knowing the user's identity (identity-config.ts) costs no git
 * process of its own. In config order: for each key, the last one wins, as in git.
 */
export interface RememberedEntry {
  /** Canonical: section and key name lowercased, as git compares them. */
  key: string;
  /** null: the key is written without `=`. */
  value: string | null;
}

/** The keys listed with litecode's settings, and the extended regular expression that matches them. */
export const rememberedKeys = ['color.litecode', 'color.ui', 'diff.color', 'user.name', 'user.email', 'author.name', 'author.email'] as const;
export const rememberedKeysPattern = rememberedKeys.map((key) => `${key.replace('.', '\\.')}$`).join('|');

let remembered: { cwd: string; entries: RememberedEntry[] } | undefined;

/** Kept for this process: the entries as read in `cwd` with the process's own environment. */
export function rememberConfigEntries(cwd: string, entries: RememberedEntry[]): void {
  remembered = { cwd, entries };
}

/** The entries read in `cwd`, or undefined when no read of this process saw them there. */
export function rememberedConfigEntries(cwd: string): RememberedEntry[] | undefined {
  return remembered?.cwd === cwd ? remembered.entries : undefined;
}
