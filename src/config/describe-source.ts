import type { SettingSource } from './setting-types.js';

/**
 * A source as one short phrase in git's words: `command line` for `git -c`, the scope and the
 * file for git config (`global file:/home/u/.gitconfig`), the variable for the environment.
 */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
      return `flag ${source.flag}`;
    case 'environment':
      return `environment ${source.variable}`;
    case 'git':
      return source.scope === 'command' ? 'command line' : `${source.scope} ${source.origin}`;
    case 'default':
      return 'default';
  }
}

/** git's --show-scope and --show-origin columns, for --json: flag and environment count as scopes of their own. */
export function sourceColumns(source: SettingSource): { scope: string; origin: string | null } {
  switch (source.kind) {
    case 'flag':
      return { scope: 'flag', origin: source.flag };
    case 'environment':
      return { scope: 'environment', origin: source.variable };
    case 'git':
      return { scope: source.scope, origin: source.origin };
    case 'default':
      return { scope: 'default', origin: null };
  }
}
