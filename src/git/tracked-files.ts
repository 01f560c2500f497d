import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

export interface TrackedFile {
  path: string;
  mode: string;
  objectId: string;
  kind: 'file' | 'symlink' | 'submodule';
}

/** Every entry of `commit`'s tree, recursively, with repository-relative `/` paths. */
export async function listTrackedFiles(repository: Repository, commit: string): Promise<TrackedFile[]> {
  const { stdout } = await runGit({ args: ['ls-tree', '-r', '-z', '--full-tree', commit], cwd: repository.topLevel });
  return parseLsTree(stdout).map(({ mode, objectId, path }) => ({ path, mode, objectId, kind: kindOfMode(mode) }));
}

export interface LsTreeEntry {
  mode: string;
  type: string;
  objectId: string;
  path: string;
}

/** Parses `git ls-tree -z` output: `<mode> SP <type> SP <oid> TAB <path> NUL`. */
export function parseLsTree(output: string): LsTreeEntry[] {
  return output
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', objectId = ''] = record.slice(0, tab).split(' ');
      return { mode, type, objectId, path: record.slice(tab + 1) };
    });
}

export function kindOfMode(mode: string): TrackedFile['kind'] {
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  return 'file';
}
