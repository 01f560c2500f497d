import { chmodSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';

let pathWithout: string | undefined;

/**
 * PATH without any real git-litecode, so tests decide what the hook finds. A folder that holds
 * one (say /usr/bin after `npm link`) is replaced by a temp folder of links to everything else
 * in it, so git and the shell's tools stay reachable.
 */
export function pathWithoutGitLitecode(): string {
  pathWithout ??= (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((directory) => (existsSync(join(directory, 'git-litecode')) ? linksToAllBut(directory, 'git-litecode') : directory))
    .join(delimiter);
  return pathWithout;
}

function linksToAllBut(directory: string, excluded: string): string {
  const copy = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-path-')));
  for (const name of readdirSync(directory)) {
    if (name !== excluded) symlinkSync(join(directory, name), join(copy, name));
  }
  return copy;
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
