import { literalPathspecs } from './read-object.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/**
 * Paths with staged, unstaged or untracked changes, repository-relative with `/` separators;
 * only among `paths` when given, so that the cost is that of the files asked about, not of
 * every file in the working tree. runGit adds --no-optional-locks, so this never refreshes
 * (rewrites) the user's .git/index.
 */
export async function listUncommittedPaths(repository: Repository, paths?: readonly string[]): Promise<Set<string>> {
  if (paths?.length === 0) return new Set();
  const { stdout } = await runGit({
    args: ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignored=no', ...(paths ? ['--', ...paths] : [])],
    cwd: repository.topLevel,
    env: paths ? literalPathspecs : undefined,
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
