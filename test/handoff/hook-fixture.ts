import { chmodSync, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';

/** PATH without any real git-litecode, so tests decide what the hook finds. */
export function pathWithoutGitLitecode(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((directory) => directory && !existsSync(join(directory, 'git-litecode')))
    .join(delimiter);
}

/**
 * A directory holding a stand-in `git-litecode` (a shell script): what the hook would run,
 * without a model. `body` is the script after the shebang.
 */
export function standInGitLitecode(body: string): { directory: string; remove(): void } {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-standin-')));
  const script = join(directory, 'git-litecode');
  writeFileSync(script, `#!/bin/sh\n${body}\n`);
  chmodSync(script, 0o755);
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export function pathWith(directory: string): string {
  return `${directory}${delimiter}${pathWithoutGitLitecode()}`;
}
