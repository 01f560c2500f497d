import { blobReaderFor, isFullObjectId } from './blob-reader.js';
import type { Repository } from './repository.js';
import { GitCommandError, runGit, runGitRaw } from './run-git.js';
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

/** One entry of a tree object, with its mode as `git ls-tree` prints it (six octal digits). */
export interface TreeObjectEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  objectId: string;
  /** The name's bytes as stored: written back unchanged even when they are not UTF-8. */
  rawName?: Buffer;
}

/**
 * A tree's entries, read through the repository's one `git cat-file --batch` process (no
 * `ls-tree` process per directory). Names are bytes in git: keyed here as UTF-8 text, as
 * `ls-tree -z` output is read elsewhere, with the bytes kept (rawName) for writing the tree back.
 */
export async function readTree(repository: Repository, treeId: string): Promise<Map<string, TreeObjectEntry>> {
  const { type, content } = await blobReaderFor(repository).readObject(treeId);
  if (type !== 'tree') throw new GitCommandError(['cat-file', '--batch'], 128, `fatal: ${treeId} is a ${type}, not a tree`);
  return parseTreeObject(content, repository.objectFormat === 'sha256' ? 32 : 20);
}

/**
 * git's binary tree format: `<octal mode> <name>\0<raw object id>` per entry, the id 20 bytes
 * (sha1) or 32 (sha256). Modes are canonicalised as git reads them (tree-walk.c canon_mode), so
 * an old tree's `100664` or `40000` reads as ls-tree prints it: `100644`, `040000`.
 */
export function parseTreeObject(content: Buffer, idBytes: number): Map<string, TreeObjectEntry> {
  const entries = new Map<string, TreeObjectEntry>();
  let position = 0;
  while (position < content.length) {
    const space = content.indexOf(0x20, position);
    const nul = space < 0 ? -1 : content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > content.length) throw new GitCommandError(['cat-file', '--batch'], -1, 'fatal: malformed tree object');
    const mode = canonicalMode(Number.parseInt(content.toString('latin1', position, space), 8));
    const rawName = Buffer.from(content.subarray(space + 1, nul));
    const text = rawName.toString('utf8');
    // A name that is not UTF-8 gets a key no path can have (paths never hold NUL): it is never
    // matched by a change, and two such names never collide.
    const name = Buffer.from(text, 'utf8').equals(rawName) ? text : `\0${rawName.toString('hex')}`;
    const objectId = content.toString('hex', nul + 1, nul + 1 + idBytes);
    entries.set(name, { mode, type: mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob', objectId, rawName });
    position = nul + 1 + idBytes;
  }
  return entries;
}

function canonicalMode(mode: number): string {
  const kind = mode & 0o170000;
  if (kind === 0o100000) return mode & 0o100 ? '100755' : '100644';
  if (kind === 0o120000) return '120000';
  if (kind === 0o040000) return '040000';
  return '160000';
}

/** The tree of a commit, from its first header line (`tree <id>`), read through the same reader. */
export async function readCommitTree(repository: Repository, commitId: string): Promise<string | undefined> {
  const { type, content } = await blobReaderFor(repository).readObject(commitId);
  if (type !== 'commit') return undefined;
  const match = /^tree ([0-9a-f]{40}(?:[0-9a-f]{24})?)\n/.exec(content.toString('latin1', 0, 80));
  return match?.[1];
}
