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
  const files: TrackedFile[] = [];
  forEachLsTreeEntry(stdout, (mode, _type, objectId, path) => files.push({ path, mode, objectId, kind: kindOfMode(mode) }));
  return files;
}

export interface LsTreeEntry {
  mode: string;
  type: string;
  objectId: string;
  path: string;
}

/** Parses `git ls-tree -z` output: `<mode> SP <type> SP <oid> TAB <path> NUL`. */
export function parseLsTree(output: string): LsTreeEntry[] {
  const entries: LsTreeEntry[] = [];
  forEachLsTreeEntry(output, (mode, type, objectId, path) => entries.push({ mode, type, objectId, path }));
  return entries;
}

/** Index scans rather than split/slice per field, and no intermediate records: a 50k-file tree is read on every request. */
function forEachLsTreeEntry(output: string, visit: (mode: string, type: string, objectId: string, path: string) => void): void {
  for (let start = 0; start < output.length; ) {
    let end = output.indexOf('\0', start);
    if (end < 0) end = output.length;
    if (end > start) {
      const tab = output.indexOf('\t', start);
      const fieldsEnd = tab < 0 || tab > end ? end : tab;
      const firstSpace = output.indexOf(' ', start);
      const modeEnd = firstSpace < 0 || firstSpace > fieldsEnd ? fieldsEnd : firstSpace;
      const secondSpace = modeEnd < fieldsEnd ? output.indexOf(' ', modeEnd + 1) : -1;
      const typeEnd = secondSpace < 0 || secondSpace > fieldsEnd ? fieldsEnd : secondSpace;
      visit(
        output.slice(start, modeEnd),
        modeEnd < fieldsEnd ? output.slice(modeEnd + 1, typeEnd) : '',
        typeEnd < fieldsEnd ? output.slice(typeEnd + 1, fieldsEnd) : '',
        output.slice(tab < 0 || tab > end ? start : tab + 1, end),
      );
    }
    start = end + 1;
  }
}

export function kindOfMode(mode: string): TrackedFile['kind'] {
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'submodule';
  return 'file';
}
