import { blobReaderFor, isFullObjectId } from './blob-reader.js';
import type { Repository } from './repository.js';
import { runGit, runGitRaw } from './run-git.js';
import { parseLsTree } from './tracked-files.js';

/** Paths are names, never patterns: `*` or `:` in a file name must not widen a lookup. */
export const literalPathspecs = { GIT_LITERAL_PATHSPECS: '1' } as const;

/**
 * The bytes of `path` as stored in `commit` (the repository form: no smudge filter or eol
 * conversion), or undefined when the commit has no such file.
 */
export async function readFileAtCommit(
  repository: Repository,
  commit: string,
  path: string,
): Promise<{ content: Buffer; mode: string; objectId: string } | undefined> {
  const { stdout } = await runGit({
    args: ['ls-tree', '-z', '--full-tree', commit, '--', path],
    cwd: repository.topLevel,
    env: literalPathspecs,
  });
  const entry = parseLsTree(stdout).find((candidate) => candidate.path === path && candidate.type === 'blob');
  if (!entry) return undefined;
  return { content: await readBlob(repository, entry.objectId), mode: entry.mode, objectId: entry.objectId };
}

/**
 * A blob's bytes. Full object ids go through the repository's one `git cat-file --batch`
 * process (blob-reader.ts), so reading many files costs one git process, not one per file.
 */
export async function readBlob(repository: Repository, objectId: string): Promise<Buffer> {
  if (isFullObjectId(objectId)) return blobReaderFor(repository).read(objectId);
  const { stdout } = await runGitRaw({ args: ['cat-file', 'blob', objectId], cwd: repository.topLevel });
  return stdout;
}
