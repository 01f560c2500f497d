import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

export interface TrackedFile {
  path: string;
  mode: string;
  objectId: string;
  kind: 'file' | 'symlink' | 'submodule';
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
      entries.push({
        mode: output.slice(start, modeEnd),
        type: modeEnd < fieldsEnd ? output.slice(modeEnd + 1, typeEnd) : '',
        objectId: typeEnd < fieldsEnd ? output.slice(typeEnd + 1, fieldsEnd) : '',
        path: output.slice(tab < 0 || tab > end ? start : tab + 1, end),
      });
    }
    start = end + 1;
  }
  return entries;
}

const symlinkMode = '120000';
const submoduleMode = '160000';

export function kindOfMode(mode: string): TrackedFile['kind'] {
  if (mode === symlinkMode) return 'symlink';
  if (mode === submoduleMode) return 'submodule';
  return 'file';
}

/**
 * A commit's tree as git lists it, held as parallel arrays over the listing itself: one string
 * per path and offsets for the rest, no record or map entry per file. Lookups by path and by
 * directory are binary searches over the listing's order, so a request reads the few entries it
 * touches; only the listing itself is proportional to the tree.
 */
export class TrackedTree {
  private readonly paths: string[] = [];
  /** Offsets into the listing: where each entry's mode, object id and path start. */
  private readonly entryStarts: number[] = [];
  private readonly objectIdStarts: number[] = [];
  private readonly objectIdEnds: number[] = [];
  /** Binary search is sound only when the listing is in JavaScript's string order (it is, unless names sort differently as UTF-16 than as bytes). */
  private readonly sorted: boolean;
  private byPath: Map<string, number> | undefined;

  constructor(private readonly listing: string) {
    let sorted = true;
    for (let start = 0; start < listing.length; ) {
      let end = listing.indexOf('\0', start);
      if (end < 0) end = listing.length;
      const tab = listing.indexOf('\t', start);
      if (end > start && tab > start && tab < end) {
        const firstSpace = listing.indexOf(' ', start);
        const secondSpace = listing.indexOf(' ', firstSpace + 1);
        const path = listing.slice(tab + 1, end);
        const previous = this.paths[this.paths.length - 1];
        if (previous !== undefined && !(previous < path)) sorted = false;
        this.paths.push(path);
        this.entryStarts.push(start);
        this.objectIdStarts.push(secondSpace + 1);
        this.objectIdEnds.push(tab);
      }
      start = end + 1;
    }
    this.sorted = sorted;
  }

  get size(): number {
    return this.paths.length;
  }

  pathAt(index: number): string {
    return this.paths[index]!;
  }

  kindAt(index: number): TrackedFile['kind'] {
    const start = this.entryStarts[index]!;
    // kindOfMode without slicing the mode out: this runs for every file of the tree.
    if (this.listing.startsWith(`${symlinkMode} `, start)) return 'symlink';
    if (this.listing.startsWith(`${submoduleMode} `, start)) return 'submodule';
    return 'file';
  }

  objectIdAt(index: number): string {
    return this.listing.slice(this.objectIdStarts[index]!, this.objectIdEnds[index]!);
  }

  entryAt(index: number): TrackedFile {
    const start = this.entryStarts[index]!;
    return { path: this.paths[index]!, mode: this.listing.slice(start, this.listing.indexOf(' ', start)), objectId: this.objectIdAt(index), kind: this.kindAt(index) };
  }

  /** The entry's position in the listing, or -1. */
  indexOf(path: string): number {
    if (!this.sorted) {
      this.byPath ??= new Map(this.paths.map((entry, index) => [entry, index]));
      return this.byPath.get(path) ?? -1;
    }
    const index = this.lowerBound(path);
    return this.paths[index] === path ? index : -1;
  }

  has(path: string): boolean {
    return this.indexOf(path) >= 0;
  }

  get(path: string): TrackedFile | undefined {
    const index = this.indexOf(path);
    return index < 0 ? undefined : this.entryAt(index);
  }

  /** Positions of the regular files directly in `directory` ('' for the top level), in tree order: a range of the listing, subdirectories skipped whole. */
  *filesIn(directory: string): Generator<number> {
    const prefix = directory === '' ? '' : `${directory}/`;
    if (!this.sorted) {
      for (let index = 0; index < this.paths.length; index++) if (this.isDirectChild(index, prefix)) yield index;
      return;
    }
    for (let index = this.lowerBound(prefix); index < this.paths.length && this.paths[index]!.startsWith(prefix); ) {
      const path = this.paths[index]!;
      const slash = path.indexOf('/', prefix.length);
      if (slash < 0) {
        if (this.kindAt(index) === 'file') yield index;
        index++;
      } else {
        // Everything under prefix + "sub/" sorts before prefix + "sub0" ('0' follows '/').
        index = this.lowerBound(`${path.slice(0, slash)}0`);
      }
    }
  }

  /** Paths of the regular files (no symlinks or submodules), in tree order. */
  regularFilePaths(): string[] {
    const paths: string[] = [];
    for (let index = 0; index < this.paths.length; index++) if (this.kindAt(index) === 'file') paths.push(this.paths[index]!);
    return paths;
  }

  /** Paths of the regular files whose name (last segment) is `name`. */
  filesNamed(name: string): string[] {
    return this.entriesNamed(name, 'file');
  }

  /** Paths of the entries (regular files only, or any kind) whose name (last segment) is `name`. */
  entriesNamed(name: string, kinds: 'file' | 'any'): string[] {
    const found: string[] = [];
    for (let index = 0; index < this.paths.length; index++) {
      const path = this.paths[index]!;
      const before = path.length - name.length - 1;
      if ((before === -1 || (before >= 0 && path.charCodeAt(before) === 47)) && path.endsWith(name) && (kinds === 'any' || this.kindAt(index) === 'file')) found.push(path);
    }
    return found;
  }

  /** Paths of the regular files whose blob is `objectId`, compared in place: no id is copied out of the listing. */
  filesWithObjectId(objectId: string): string[] {
    const found: string[] = [];
    for (let index = 0; index < this.paths.length; index++) {
      const start = this.objectIdStarts[index]!;
      if (this.objectIdEnds[index]! - start === objectId.length && this.listing.startsWith(objectId, start) && this.kindAt(index) === 'file') found.push(this.paths[index]!);
    }
    return found;
  }

  private isDirectChild(index: number, prefix: string): boolean {
    const path = this.paths[index]!;
    return path.startsWith(prefix) && path.indexOf('/', prefix.length) < 0 && this.kindAt(index) === 'file';
  }

  /** The first position whose path is not below `path` in string order. */
  private lowerBound(path: string): number {
    let low = 0;
    let high = this.paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.paths[middle]! < path) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** `commit`'s tree, recursively, as a TrackedTree. */
export async function loadTrackedTree(repository: Repository, commit: string): Promise<TrackedTree> {
  const { stdout } = await runGit({ args: ['ls-tree', '-r', '-z', '--full-tree', commit], cwd: repository.topLevel });
  return new TrackedTree(stdout);
}
