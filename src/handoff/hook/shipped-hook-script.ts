import { readFile } from 'node:fs/promises';

/** A line only git-litecode's own hook script has: how install and uninstall tell it from a user's hook. */
export const hookMarker = '# git-litecode pre-commit hook:';

/** The name a user's existing hook is moved to, so that ours can run it first. */
export const chainedHookName = 'pre-commit.litecode-chained';

export function shippedHookScript(): Promise<Buffer> {
  return readFile(new URL('../../../hooks/pre-commit', import.meta.url));
}

export function isOurHook(contents: Buffer): boolean {
  return contents.includes(hookMarker);
}
