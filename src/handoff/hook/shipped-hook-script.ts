import { readFile } from 'node:fs/promises';

/** A line only git-litecode's own hook script has: how install and uninstall tell it from a user's hook. */
export const hookMarker = '# git-litecode pre-commit hook:';

/** The name a user's existing hook is moved to, so that ours can run it first. */
export const chainedHookName = 'pre-commit.litecode-chained';

/** Where install writes the new hook before renaming it into place, so a crash never leaves a half-written hook. */
export const stagedHookName = 'pre-commit.litecode-new';

export function shippedHookScript(): Promise<Buffer> {
  return readFile(new URL('../../../hooks/pre-commit', import.meta.url));
}

export function isOurHook(contents: Buffer): boolean {
  return contents.includes(hookMarker);
}
