import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/**
 * Paths with staged, unstaged or untracked changes, repository-relative with `/` separators.
 * runGit adds --no-optional-locks, so this never refreshes (rewrites) the user's .git/index.
 */
export async function listUncommittedPaths(repository: Repository): Promise<Set<string>> {
  const { stdout } = await runGit({
    args: ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignored=no'],
    cwd: repository.topLevel,
  });
  return parsePorcelainV2(stdout);
}

/** Porcelain v2 with -z: rename records ("2 …") carry their original path as the next field. */
export function parsePorcelainV2(output: string): Set<string> {
  const paths = new Set<string>();
  const fields = output.split('\0');
  for (let index = 0; index < fields.length; index++) {
    const record = fields[index]!;
    if (record === '') continue;
    const kind = record[0];
    if (kind === '?' || kind === '!') {
      paths.add(record.slice(2));
    } else if (kind === '1' || kind === 'u') {
      paths.add(pathAfterFields(record, kind === '1' ? 8 : 10));
    } else if (kind === '2') {
      paths.add(pathAfterFields(record, 9));
      const originalPath = fields[++index];
      if (originalPath) paths.add(originalPath);
    }
  }
  return paths;
}

/** The path is everything after the first `count` space-separated fields (it may contain spaces). */
function pathAfterFields(record: string, count: number): string {
  let position = 0;
  for (let field = 0; field < count; field++) position = record.indexOf(' ', position) + 1;
  return record.slice(position);
}
