import { RefusalError } from '../errors/litecode-error.js';
import { findIgnoredPaths } from '../git/ignored-paths.js';
import { readBlob } from '../git/read-object.js';
import type { Repository } from '../git/repository.js';
import { loadTrackedTree, type TrackedTree } from '../git/tracked-files.js';
import type { PlanContext } from '../guard/plan-check.js';
import { outlineFilesCached, rankPaths, type RepoMapFile } from '../syntax/repo-map.js';
import { outlineSymbols, type CodeSymbol } from '../syntax/outline.js';
import type { RepoMapSource } from './plan-request.js';

/** How many files get a symbol outline for the planner's map; the rest appear by path only. */
const outlinedFileLimit = 300;
/** The fewest bytes a map line `path (N lines)` and its newline take beyond the path. */
const lineBytesBesidePath = 11;

/**
 * The repository as the agent sees it: the tracked files of one commit, read lazily and
 * cached. Files git ignores or .litecodeignore lists are left out of everything sent to a model;
 * git is asked about the paths a request can send (the map's reach, the plan, the neighbours),
 * never about every tracked file.
 */
export class RepositorySnapshot implements RepoMapSource {
  private readonly texts = new Map<string, Promise<string>>();
  private readonly symbols = new Map<string, Promise<CodeSymbol[]>>();
  /** Answers from git's ignore rules, by path: each path is asked about once per snapshot. */
  private readonly ignoreAnswers = new Map<string, boolean>();
  /** The tree's regular files by path, listed on the first map request. */
  private regularFiles: string[] | undefined;
  private ranking: { request: string; excluded: number; paths: readonly string[]; order: Int32Array; relatedCount: number; namedFileCount: number } | undefined;

  /** Every entry of the commit's tree. */
  get files(): TrackedTree {
    return this.tree;
  }

  private constructor(
    readonly repository: Repository,
    readonly commit: string,
    private readonly tree: TrackedTree,
  ) {}

  static async load(repository: Repository, commit: string): Promise<RepositorySnapshot> {
    return new RepositorySnapshot(repository, commit, await loadTrackedTree(repository, commit));
  }

  /** Which of `paths` git's rules or .litecodeignore ignore; one git call for the paths not asked about before. */
  async ignoredAmong(paths: readonly string[]): Promise<Set<string>> {
    const unknown = [...new Set(paths)].filter((path) => !this.ignoreAnswers.has(path));
    if (unknown.length > 0) {
      const ignored = await findIgnoredPaths(this.repository, unknown);
      for (const path of unknown) this.ignoreAnswers.set(path, ignored.has(path));
    }
    return new Set(paths.filter((path) => this.ignoreAnswers.get(path)));
  }

  readBytes(path: string): Promise<Buffer> {
    const file = this.files.get(path);
    if (!file || file.kind !== 'file') return Promise.reject(new RefusalError(`${path} is not a regular tracked file`, 'name a tracked file'));
    return readBlob(this.repository, file.objectId);
  }

  /** The file as text, byte-order mark kept (a commit must not drop it); a file that is not valid UTF-8 is refused, never decoded lossily. */
  readText(path: string): Promise<string> {
    let text = this.texts.get(path);
    if (!text) {
      text = this.readBytes(path).then((bytes) => {
        try {
          return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          throw new RefusalError(`${path} is not valid UTF-8, so it will not be edited`, 'convert it to UTF-8 first, or edit it by hand');
        }
      });
      this.texts.set(path, text);
    }
    return text;
  }

  symbolsOf(path: string): Promise<CodeSymbol[]> {
    let symbols = this.symbols.get(path);
    if (!symbols) {
      symbols = this.readText(path).then((text) => outlineSymbols(path, text));
      this.symbols.set(path, symbols);
    }
    return symbols;
  }

  /** The repository's object format, as the length of its object ids says. */
  get objectFormat(): 'sha1' | 'sha256' {
    const sample = this.tree.size > 0 ? this.tree.objectIdAt(0) : this.commit;
    return sample.length === 64 ? 'sha256' : 'sha1';
  }

  /**
   * Blob id → the tracked regular file holding it, for those of `objectIds` that the tree holds.
   * git is asked first whether the object exists at all (nearly every reply is new content, and
   * is answered without looking at the tree); only an existing blob is looked for in the tree, and
   * a blob that exists only in history is no tracked file's copy.
   */
  async trackedCopiesOf(objectIds: readonly string[]): Promise<Map<string, string>> {
    const copies = new Map<string, string>();
    for (const objectId of objectIds) {
      const exists = await readBlob(this.repository, objectId).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      const paths = this.tree.filesWithObjectId(objectId);
      // The last in tree order, as a map of every file's blob id would keep it.
      if (paths.length > 0) copies.set(objectId, paths[paths.length - 1]!);
    }
    return copies;
  }

  /** "utils.js" names src/utils.js when exactly one tracked file has that name. */
  resolveNamedPath(name: string): string | undefined {
    if (this.tree.has(name)) return name;
    if (name.includes('/')) {
      // "d0/f7.js" names src/d0/f7.js: files of that name, filtered by the rest of the path.
      const matches = this.tree.entriesNamed(name.slice(name.lastIndexOf('/') + 1), 'any').filter((path) => path.endsWith(`/${name}`));
      return matches.length === 1 ? matches[0] : undefined;
    }
    const matches = this.tree.entriesNamed(name, 'any');
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** True when the request names a file the map can show (tracked, not ignored). */
  async namesAFile(request: string, reachBytes: number): Promise<boolean> {
    // A request that names no tracked file needs no answer from git.
    if (this.rank(request).namedFileCount === 0) return false;
    const ranking = await this.checkedRanking(request, reachBytes);
    return ranking.namedFileCount > 0;
  }

  /**
   * Files for the planner's map, most relevant to the request first (the map's own ranking, by
   * path: the few paths a request word matches scored once, the unrelated rest left in tree
   * order, unsorted). Only the first `outlinedFileLimit` are read and outlined; the rest appear
   * by path only. Every file, git's ignore rules asked about all of them: the planner's own
   * path is mapFiles, which asks only as far as the map can reach.
   */
  async repoMapFiles(request: string): Promise<RepoMapFile[]> {
    return (await this.mapFiles(request, Number.POSITIVE_INFINITY)).files;
  }

  /**
   * RepoMapSource: the map's files as far as a map of `reachBytes` can reach (mapByteReach),
   * ignored files left out up to there and git not asked past it; where their unrelated rest
   * starts (the related and outlined files come first), so that the map ranks only the files
   * before it again; and how many unrelated files past the reach were left out, only counted.
   */
  async mapFiles(request: string, reachBytes: number): Promise<{ files: RepoMapFile[]; unrelatedFrom: number; omittedFiles: number }> {
    const { paths, order, relatedCount, checkedEnd } = await this.checkedRanking(request, reachBytes);
    // Past the checked files, the unrelated rest is only counted (the map cannot reach it).
    const listedEnd = relatedCount <= checkedEnd ? checkedEnd : order.length;
    const outlinedCount = Math.min(outlinedFileLimit, order.length);
    // Object ids are read from the tree for the outlined files only.
    const outlined = Array.from(order.subarray(0, outlinedCount), (index) => {
      const path = paths[index]!;
      return { path, objectId: this.tree.objectIdAt(this.tree.indexOf(path)) };
    });
    const outlines = await outlineFilesCached(
      this.repository,
      outlined.map((file) => ({ ...file, read: () => readBlob(this.repository, file.objectId) })),
    );
    // Files that were not outlined are listed by path.
    const mapFiles: RepoMapFile[] = [];
    let binaryCount = 0;
    for (let position = 0; position < listedEnd; position++) {
      const path = paths[order[position]!]!;
      const outline = position < outlinedCount ? outlines.get(path) : undefined;
      if (!outline) mapFiles.push({ path });
      else if (outline.binary) binaryCount++;
      else mapFiles.push({ path, objectId: outlined[position]!.objectId, symbols: outline.symbols, lineCount: outline.lineCount });
    }
    return { files: mapFiles, unrelatedFrom: Math.max(relatedCount, outlinedCount) - binaryCount, omittedFiles: order.length - listedEnd };
  }

  /**
   * The ranking of the tree's regular files, with git's ignore rules applied to every file up to
   * the outlined ones and the map's reach. An ignored file found there is removed and the rest
   * ranked again (an ignored named file must not pull its directory up), until the checked
   * prefix holds no ignored file.
   */
  private async checkedRanking(request: string, reachBytes: number) {
    for (;;) {
      const ranking = this.rank(request);
      const { paths, order } = ranking;
      let end = 0;
      let bytes = 0;
      // Bytes are counted past the outlined files only: an outlined file may be binary and leave the map.
      while (end < order.length && (end < outlinedFileLimit || bytes <= reachBytes)) {
        if (end >= outlinedFileLimit) bytes += paths[order[end]!]!.length + lineBytesBesidePath;
        end++;
      }
      const prefix = Array.from(order.subarray(0, end), (index) => paths[index]!);
      const ignored = await this.ignoredAmong(prefix);
      if (ignored.size === 0) return { ...ranking, checkedEnd: end };
    }
  }

  /** The ranking over the regular files not known to be ignored, cached for the last request. */
  private rank(request: string): { paths: readonly string[]; order: Int32Array; relatedCount: number; namedFileCount: number } {
    const all = (this.regularFiles ??= this.tree.regularFilePaths());
    let excluded = 0;
    for (const answer of this.ignoreAnswers.values()) if (answer) excluded++;
    if (this.ranking?.request === request && this.ranking.excluded === excluded) return this.ranking;
    const paths = excluded === 0 ? all : all.filter((path) => this.ignoreAnswers.get(path) !== true);
    const { order, relatedCount, namedFileCount } = rankPaths(request, paths);
    this.ranking = { request, excluded, paths, order, relatedCount, namedFileCount };
    return this.ranking;
  }

  /** `alsoIgnored`: untracked paths the plan would create that git or .litecodeignore ignores. */
  planContext(request: string, alsoIgnored: ReadonlySet<string> = new Set()): PlanContext {
    const known = [...this.ignoreAnswers].flatMap(([path, ignored]) => (ignored ? [path] : []));
    return {
      request,
      // The snapshot's own tree, not a copy: a plan check reads a handful of entries.
      trackedFiles: this.tree,
      readFile: (path) => this.readBytes(path),
      symbolsOf: (path) => this.symbolsOf(path),
      repositoryRoot: this.repository.topLevel,
      ignoredPaths: new Set([...known, ...alsoIgnored]),
      ignoredAmong: (paths) => this.ignoredAmong(paths),
    };
  }
}
