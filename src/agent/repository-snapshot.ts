import { basename } from 'node:path';
import { RefusalError } from '../errors/litecode-error.js';
import { findIgnoredPaths } from '../git/ignored-paths.js';
import { readBlob } from '../git/read-object.js';
import type { Repository } from '../git/repository.js';
import { listTrackedFiles, type TrackedFile } from '../git/tracked-files.js';
import type { PlanContext } from '../guard/plan-check.js';
import { outlineFilesCached, rankOrder, type RepoMapFile } from '../syntax/repo-map.js';
import { outlineSymbols, type CodeSymbol } from '../syntax/outline.js';

/** How many files get a symbol outline for the planner's map; the rest appear by path only. */
const outlinedFileLimit = 300;

/**
 * The repository as the agent sees it: the tracked files of one commit, read lazily and
 * cached. Files git ignores or .litecodeignore lists are left out of everything sent to a model.
 */
export class RepositorySnapshot {
  private readonly texts = new Map<string, Promise<string>>();
  private readonly symbols = new Map<string, Promise<CodeSymbol[]>>();

  /** Every entry of the commit's tree, by path. */
  get files(): ReadonlyMap<string, TrackedFile> {
    return this.fileMap;
  }

  private constructor(
    readonly repository: Repository,
    readonly commit: string,
    private readonly fileMap: Map<string, TrackedFile>,
    readonly ignored: ReadonlySet<string>,
  ) {}

  static async load(repository: Repository, commit: string): Promise<RepositorySnapshot> {
    const tracked = await listTrackedFiles(repository, commit);
    const ignored = await findIgnoredPaths(repository, tracked.map((file) => file.path));
    return new RepositorySnapshot(repository, commit, new Map(tracked.map((file) => [file.path, file])), ignored);
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

  /** "utils.js" names src/utils.js when exactly one tracked file has that name. */
  resolveNamedPath(name: string): string | undefined {
    if (this.files.has(name)) return name;
    let match: string | undefined;
    for (const path of this.files.keys()) {
      if (!(path.endsWith(`/${name}`) || basename(path) === name)) continue;
      if (match !== undefined) return undefined;
      match = path;
    }
    return match;
  }

  /**
   * Files for the planner's map, most relevant to the request first (the map's own ranking, by
   * path: each path scored once, the unrelated rest left in tree order, unsorted). Only the
   * first `outlinedFileLimit` are read and outlined; the rest appear by path only.
   */
  async repoMapFiles(request: string): Promise<RepoMapFile[]> {
    const visible: TrackedFile[] = [];
    for (const file of this.fileMap.values()) if (file.kind === 'file' && !this.ignored.has(file.path)) visible.push(file);
    const { order } = rankOrder(request, visible);
    const outlined = Array.from(order.subarray(0, outlinedFileLimit), (index) => visible[index]!);
    const outlines = await outlineFilesCached(
      this.repository,
      outlined.map((file) => ({ path: file.path, objectId: file.objectId, read: () => readBlob(this.repository, file.objectId) })),
    );
    // Files that were not outlined are listed by path: their tracked entry serves as is, no copy.
    const mapFiles: RepoMapFile[] = [];
    for (const index of order) {
      const file = visible[index]!;
      const outline = outlines.get(file.path);
      if (!outline) mapFiles.push(file);
      else if (!outline.binary) mapFiles.push({ path: file.path, objectId: file.objectId, symbols: outline.symbols, lineCount: outline.lineCount });
    }
    return mapFiles;
  }

  /** `alsoIgnored`: untracked paths the plan would create that git or .litecodeignore ignores. */
  planContext(request: string, alsoIgnored: ReadonlySet<string> = new Set()): PlanContext {
    return {
      request,
      // The snapshot's own map, not a copy: a plan check reads a handful of entries.
      trackedFiles: this.fileMap,
      readFile: (path) => this.readBytes(path),
      symbolsOf: (path) => this.symbolsOf(path),
      repositoryRoot: this.repository.topLevel,
      ignoredPaths: new Set([...this.ignored, ...alsoIgnored]),
    };
  }
}
