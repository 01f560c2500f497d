import type { CodeSymbol } from './outline.js';

export { outlineFilesCached, type FileOutline, type OutlineSource } from './outline-cache.js';

export interface RepoMapFile {
  path: string;
  /** Absent for a file listed by path only. */
  objectId?: string;
  /** May be trimmed by the caller. Absent for a file listed by path only. */
  symbols?: CodeSymbol[];
  /** Absent (listed as 0) for a file that was not read. */
  lineCount?: number;
  /** The file's text, when the caller has it: lets references in code count, not only in signatures. */
  content?: string;
}

/** What ranking reads of a file: its path, and its symbols and text when the caller has them. */
export interface RankedFile {
  path: string;
  symbols?: readonly CodeSymbol[];
  content?: string;
}

export interface RepoMapInput {
  request: string;
  files: readonly RepoMapFile[];
  maxTokens: number;
  countTokens: (text: string) => Promise<number> | number;
  /**
   * A safe upper bound of `countTokens` for any text of this many UTF-8 bytes, so that most of
   * the map is sized without the tokenizer. The default, one token per byte, holds for byte-level
   * BPE tokenizers (cl100k, o200k: every token covers at least one byte); a caller whose count adds
   * overhead or a margin passes its own.
   */
  tokensAtMost?: (utf8Bytes: number) => number;
  /**
   * Files from this index on are known to be unrelated to the request and in their final order
   * (a caller that ranked them already, see rankOrder): only the files before it are ranked.
   */
  unrelatedFrom?: number;
  /**
   * How many files follow `files` that the caller left out: unrelated to the request, and past
   * the map's reach (the lines of `files` alone already pass mapByteReach). They are never
   * listed, only counted in `(+N more files)`, as if they had been given.
   */
  omittedFiles?: number;
}

const maxEntriesPerFile = 30;
/** A map text above this many bytes per budget token is never tokenized: it cannot fit. */
const maxBytesPerToken = 16;
/** Room for the `(+N more files)` line in byte bounds, whatever N is. */
const moreFilesLineBytes = 24;
/** Exact counts per map: enough for a binary search near the budget edge. */
const maxExactCounts = 12;

/** Ranks of relevance to the request; the map lists files from the highest. */
const rank = {
  namedFile: 1000,
  definesNamedIdentifier: 500,
  namedByStem: 300,
  referencesNamedIdentifier: 100,
  directoryNamed: 50,
  besideNamedFile: 60,
  other: 0,
} as const;

/**
 * One line per file, `path (N lines): fetchUser(), Client{get,post}, MAX_RETRIES`, most relevant
 * first, trimmed to `maxTokens`. Files unrelated to the request go first: they lose their
 * symbols (lowest first), then their lines; then the related files of the lowest rank, and so
 * on up, so the named file is the last to lose its symbols.
 *
 * The trimming is one sequence of steps, so a map is fixed by how many steps were taken. Byte
 * lengths (prefix sums, no tokenizer) find the first step whose text surely fits; the tokenizer
 * then counts only texts near the budget edge, a handful of times, never one line at a time.
 */
export async function renderRepoMap(input: RepoMapInput): Promise<string> {
  if (input.maxTokens <= 0 || input.files.length === 0) return '';
  const tokensAtMost = input.tokensAtMost ?? ((bytes: number) => bytes);
  const { order, tierStarts, relatedCount } = rankOrder(input.request, input.files, input.unrelatedFrom);
  const omitted = input.omittedFiles ?? 0;
  // Omitted files belong to the unrelated tier, which starts after the related files.
  const tiers = omitted > 0 && relatedCount === order.length ? [...tierStarts, order.length] : tierStarts;
  const lines = new MapLines(input.files, order, tiers, mapByteReach(input.maxTokens, tokensAtMost), omitted);

  // Fewest steps whose text surely fits by the byte bound (the last step leaves nothing).
  const steps = lines.stepCount;
  const surelyFits = firstStep(steps, (step) => tokensAtMost(lines.bytesAt(step) + moreFilesLineBytes) <= input.maxTokens);
  // Fewest steps whose text is small enough to be worth counting.
  const countable = firstStep(steps, (step) => lines.bytesAt(step) <= input.maxTokens * maxBytesPerToken);
  let low = Math.min(countable, surelyFits);
  let high = surelyFits;
  let best = lines.renderAt(high);
  let counts = 0;
  const fits = async (step: number): Promise<boolean> => {
    counts++;
    const text = lines.renderAt(step);
    if (text !== '' && (await input.countTokens(text)) > input.maxTokens) return false;
    best = text;
    return true;
  };
  while (low < high && counts < maxExactCounts) {
    const middle = Math.floor((low + high) / 2);
    if (await fits(middle)) high = middle;
    else low = middle + 1;
  }
  return best;
}

/**
 * Bytes beyond which no map of `maxTokens` is ever counted or rendered: past `maxBytesPerToken`
 * per token it is not counted, and past where the byte bound exceeds the budget it cannot surely
 * fit. Lines beyond this reach are never sized, so a map costs its budget, not the repository.
 */
export function mapByteReach(maxTokens: number, tokensAtMost: (utf8Bytes: number) => number = (bytes) => bytes): number {
  let reach = maxTokens * maxBytesPerToken;
  while (reach < 2 ** 40 && tokensAtMost(reach + moreFilesLineBytes) <= maxTokens) reach = Math.max(1, reach * 2);
  return reach;
}

/** The smallest step in [0, steps] for which `holds` is true; `holds` must be monotone, and holds at `steps`. */
function firstStep(steps: number, holds: (step: number) => boolean): number {
  let low = 0;
  let high = steps;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The map's lines in rank order, as byte lengths with prefix sums. Symbol entries are built only
 * for files that have symbols, and text only for lines that are rendered.
 *
 * Trimming goes tier by tier (a tier: the files of one rank), lowest first: a tier's files lose
 * their symbols from the lowest up, then their lines; only then is the next tier up touched. So
 * the named file keeps its outline while any file ranked below it is still listed.
 */
class MapLines {
  readonly stepCount: number;
  private readonly bareSums: Float64Array;
  private readonly fullSums: Float64Array;
  /** Lines [0, sizedEnd) are sized; any state that keeps more lines is beyond the reach. */
  private readonly sizedEnd: number;
  private readonly entries = new Map<number, string>();
  /** Tiers as [start, end) position ranges, lowest rank first. */
  private readonly tiers: { start: number; end: number; firstStep: number }[] = [];

  constructor(
    private readonly files: readonly RepoMapFile[],
    private readonly order: Int32Array,
    tierStarts: readonly number[],
    reachBytes: number,
    /** Lines after the last of `order`, past the reach: counted, never sized or listed. */
    private readonly omitted = 0,
  ) {
    const count = order.length;
    this.bareSums = new Float64Array(count + 1);
    this.fullSums = new Float64Array(count + 1);
    let position = 0;
    // Sized until the bare lines alone pass the reach: a longer prefix can never be kept.
    for (; position < count && this.bareSums[position]! <= reachBytes; position++) {
      const index = order[position]!;
      const file = files[index]!;
      // `path (N lines)` plus the newline that joins it to the next line.
      const bare = Buffer.byteLength(file.path) + digits(file.lineCount ?? 0) + 9 + 1;
      let full = bare;
      if (file.symbols !== undefined && file.symbols.length > 0) {
        const entries = symbolEntries(file.symbols);
        if (entries) {
          this.entries.set(index, entries);
          full += Buffer.byteLength(entries) + 2;
        }
      }
      this.bareSums[position + 1] = this.bareSums[position]! + bare;
      this.fullSums[position + 1] = this.fullSums[position]! + full;
    }
    this.sizedEnd = position;
    let steps = 0;
    const ends = [...tierStarts.slice(1), count + omitted];
    for (let tier = tierStarts.length - 1; tier >= 0; tier--) {
      const start = tierStarts[tier]!;
      const end = ends[tier]!;
      if (end <= start) continue;
      this.tiers.push({ start, end, firstStep: steps });
      steps += 2 * (end - start);
    }
    this.stepCount = steps;
  }

  /** Lines [0, keptEnd) are listed, [0, fullEnd) of them with their symbols. */
  private stateAt(step: number): { fullEnd: number; keptEnd: number } {
    for (const { start, end, firstStep } of this.tiers) {
      const size = end - start;
      const taken = step - firstStep;
      if (taken >= 2 * size) continue;
      return { fullEnd: end - Math.min(taken, size), keptEnd: end - Math.max(0, taken - size) };
    }
    return { fullEnd: 0, keptEnd: 0 };
  }

  /** Bytes of the lines `step` keeps, without the `(+N more files)` line. */
  bytesAt(step: number): number {
    const { fullEnd, keptEnd } = this.stateAt(step);
    if (keptEnd > this.sizedEnd) return Number.POSITIVE_INFINITY;
    return this.fullSums[fullEnd]! + (this.bareSums[keptEnd]! - this.bareSums[fullEnd]!);
  }

  renderAt(step: number): string {
    const { fullEnd, keptEnd } = this.stateAt(step);
    const rendered: string[] = [];
    for (let position = 0; position < keptEnd; position++) {
      const index = this.order[position]!;
      const file = this.files[index]!;
      const bare = `${file.path} (${file.lineCount ?? 0} lines)`;
      const entries = position < fullEnd ? this.entries.get(index) : undefined;
      rendered.push(entries ? `${bare}: ${entries}` : bare);
    }
    const dropped = this.order.length + this.omitted - rendered.length;
    if (dropped > 0 && rendered.length > 0) rendered.push(`(+${dropped} more files)`);
    return rendered.join('\n');
  }
}

export function rankFiles<T extends RepoMapFile>(request: string, files: readonly T[]): T[] {
  return Array.from(rankOrder(request, files).order, (index) => files[index]!);
}

/**
 * File indices, most relevant first (named file, definer of a named identifier, file named by
 * its stem, file referencing a named identifier, file beside the named file, file under a named
 * directory): the few files related to the request sorted by score
 * (each score computed once), then every other file in its given order, without sorting them.
 *
 * `unrelatedFrom`: the files from this index on are known to rank as unrelated (no symbols or
 * text, and a path no rule matches, as an earlier ranking of the same request found): they keep
 * their order and are not looked at. A ranking of the same request that put its related files
 * and every file with symbols before that index gives the same order.
 */
export function rankOrder(request: string, files: readonly RankedFile[], unrelatedFrom = files.length): Ranking {
  return rankView(request, { length: files.length, pathAt: (index) => files[index]!.path, fileAt: (index) => files[index]! }, unrelatedFrom);
}

/** rankOrder for files known by path only (no symbols, no text): no record per file is needed, only for the few a request word matches. */
export function rankPaths(request: string, paths: readonly string[]): Ranking {
  return rankView(request, { length: paths.length, pathAt: (index) => paths[index]!, fileAt: (index) => ({ path: paths[index]! }), paths });
}

export interface Ranking {
  order: Int32Array;
  relatedCount: number;
  tierStarts: number[];
  namedFileCount: number;
}

/** The files to rank, by index; `paths` when they are paths only. */
interface FileView {
  length: number;
  pathAt(index: number): string;
  fileAt(index: number): RankedFile;
  paths?: readonly string[];
}

function rankView(request: string, view: FileView, unrelatedFrom = view.length): Ranking {
  // Only the files before `unrelatedFrom` are looked at.
  const count = Math.min(unrelatedFrom, view.length);
  const words = new Set(request.match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []);
  const lowerWords = new Set([...words].map((word) => word.toLowerCase()));
  const pathTokens = requestPathTokens(request);
  // "src" in "src/api.js" names a file, not every file under src/.
  const directoryWords = new Set(
    [...pathTokens]
      .filter((token) => !/[./]/.test(token))
      .flatMap((token) => token.match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? [])
      .map((word) => word.toLowerCase()),
  );
  // Lengths first: most paths are ruled out without slicing or lower-casing anything.
  const wordLengths = new Set([...lowerWords].map((word) => word.length));
  const tokenLengths = new Set([...pathTokens].map((token) => token.length));
  const directoryWordLengths = new Set([...directoryWords].map((word) => word.length));
  const namedIdentifiers = new Set<string>();
  for (let index = 0; index < count && view.paths === undefined; index++) {
    const { symbols } = view.fileAt(index);
    if (symbols) for (const symbol of symbols) if (symbol.name.length >= 3 && words.has(symbol.name)) namedIdentifiers.add(symbol.name);
  }
  const mentionPattern = namedIdentifiers.size
    ? new RegExp(`(^|[^\\w$])(${[...namedIdentifiers].map(escapeRegExp).join('|')})($|[^\\w$])`)
    : undefined;
  const mentions = (text: string): boolean => mentionPattern !== undefined && mentionPattern.test(text);
  // Called for every file of a large repository: string scans, no per-file allocation beyond the name.
  const score = (file: RankedFile): number => {
    const path = file.path;
    const slash = path.lastIndexOf('/');
    const nameLength = path.length - slash - 1;
    if ((tokenLengths.has(path.length) && pathTokens.has(path)) || (tokenLengths.has(nameLength) && pathTokens.has(path.slice(slash + 1)))) return rank.namedFile;
    const symbols = file.symbols ?? [];
    if (namedIdentifiers.size && symbols.length && symbols.some((symbol) => namedIdentifiers.has(symbol.name))) return rank.definesNamedIdentifier;
    const dot = path.lastIndexOf('.');
    const stemLength = dot > slash + 1 ? dot - slash - 1 : nameLength;
    if (stemLength >= 3 && wordLengths.has(stemLength) && lowerWords.has(path.slice(slash + 1, slash + 1 + stemLength).toLowerCase())) return rank.namedByStem;
    if (mentionPattern && (file.content !== undefined ? mentions(file.content) : symbols.some((symbol) => mentions(symbol.signature)))) {
      return rank.referencesNamedIdentifier;
    }
    if (directoryWords.size && slash > 0) {
      for (let start = 0; start < slash; ) {
        const end = path.indexOf('/', start);
        if (directoryWordLengths.has(end - start) && directoryWords.has(path.slice(start, end).toLowerCase())) return rank.directoryNamed;
        start = end + 1;
      }
    }
    return rank.other;
  };
  const related: { index: number; score: number }[] = [];
  const isRelated = new Uint8Array(count);
  const paths = new PathText(view, count);
  const scoreOne = (index: number): void => {
    const value = score(view.fileAt(index));
    if (value > rank.other) {
      related.push({ index, score: value });
      isRelated[index] = 1;
    }
  };
  const candidates = paths.candidates(view, [
    // A path or file name: the whole rest of the line.
    ...[...pathTokens].map((word) => ({ word, ends: lineEnd })),
    // A stem: the file name up to its extension.
    ...[...lowerWords].filter((word) => word.length >= 3).map((word) => ({ word, ends: stemEnd })),
    // A directory: a whole segment before a slash.
    ...[...directoryWords].map((word) => ({ word, ends: segmentEnd })),
  ]);
  if (candidates === undefined) for (let index = 0; index < count; index++) scoreOne(index);
  else for (const index of candidates) scoreOne(index);
  // A named file's neighbours: the files in its directory come next, before the rest of the repository.
  const namedDirectories = new Set(related.filter(({ score }) => score === rank.namedFile).map(({ index }) => directoryOf(view.pathAt(index))));
  if (namedDirectories.size > 0) {
    const scoreOf = new Map(related.map((entry) => [entry.index, entry]));
    const directories = [...namedDirectories];
    const inNamedDirectory = (path: string): boolean => {
      for (let which = 0; which < directories.length; which++) {
        const directory = directories[which]!;
        if (directory === '') {
          if (path.indexOf('/') < 0) return true;
        } else if (path.length > directory.length + 1 && path.charCodeAt(directory.length) === 47 && path.startsWith(directory) && path.indexOf('/', directory.length + 1) < 0) {
          return true;
        }
      }
      return false;
    };
    for (const index of directories.includes('') ? Array.from({ length: count }, (_, index) => index) : paths.under(directories)) {
      if (!inNamedDirectory(view.pathAt(index))) continue;
      const entry = scoreOf.get(index);
      if (entry) entry.score = Math.max(entry.score, rank.besideNamedFile);
      else related.push({ index, score: rank.besideNamedFile });
      isRelated[index] = 1;
    }
  }
  related.sort((left, right) => right.score - left.score || left.index - right.index);
  const order = new Int32Array(view.length);
  let position = 0;
  for (const { index } of related) order[position++] = index;
  for (let index = 0; index < count; index++) if (!isRelated[index]) order[position++] = index;
  for (let index = count; index < view.length; index++) order[position++] = index;
  // Where each rank's files start in `order`; the unrelated rest is the last tier.
  const tierStarts: number[] = [];
  related.forEach((entry, position) => {
    if (position === 0 || related[position - 1]!.score !== entry.score) tierStarts.push(position);
  });
  if (related.length < view.length) tierStarts.push(related.length);
  let namedFileCount = 0;
  while (namedFileCount < related.length && related[namedFileCount]!.score === rank.namedFile) namedFileCount++;
  return { order, relatedCount: related.length, tierStarts, namedFileCount };
}

/** What may follow a word's match, as character codes: `\n` ends a path in PathText. */
const lineEnd: ReadonlySet<number> = new Set([10]);
const stemEnd: ReadonlySet<number> = new Set([10, 46]);
const segmentEnd: ReadonlySet<number> = new Set([47]);

/**
 * Every path in one text, one line each, searched with indexOf instead of visiting each path:
 * the ranking then touches only the paths a word of the request can match.
 */
class PathText {
  /** Where each path starts in `text`; the last entry is the text's length plus one. */
  private readonly starts: Int32Array;
  private readonly text: string;

  /** The first `count` files of `view`. */
  constructor(
    view: FileView,
    private readonly count: number,
  ) {
    this.starts = new Int32Array(count + 1);
    const paths = view.paths !== undefined && count === view.paths.length ? view.paths : Array.from({ length: count }, (_, index) => view.pathAt(index));
    for (let index = 0; index < count; index++) this.starts[index + 1] = this.starts[index]! + paths[index]!.length + 1;
    // Every path, the last too, ends with a newline.
    this.text = `${paths.join('\n')}\n`;
  }

  /**
   * Indices (ascending) of the files that can score above `rank.other`: those with symbols or
   * text, and those where one of `words` (case-folded) starts a path segment and is followed by
   * one of its `ends` (every path rule compares a whole path, name, stem or directory). A
   * superset: each is then scored exactly. Undefined: score every file (a path whose case folding
   * changes its length).
   */
  candidates(view: FileView, words: readonly { word: string; ends: ReadonlySet<number> }[]): number[] | undefined {
    const folded = this.text.toLowerCase();
    // Case folding that changes lengths would shift every offset after it.
    if (folded.length !== this.text.length) return undefined;
    const marked = new Uint8Array(this.count);
    for (let index = 0; index < this.count && view.paths === undefined; index++) {
      const file = view.fileAt(index);
      if ((file.symbols !== undefined && file.symbols.length > 0) || file.content !== undefined) marked[index] = 1;
    }
    // Outside ASCII, folding a name alone and folding it within the text may differ (final sigma): score such paths.
    for (const match of this.text.matchAll(/[^\x00-\x7f]+/g)) marked[this.indexAt(match.index)] = 1;
    // The word and what ends it are searched together: a word that starts every path ("src")
    // but never ends a name costs one failed search, not a match per path.
    const needles = new Set(words.flatMap(({ word, ends }) => (word === '' ? [] : [...ends].map((end) => `${word.toLowerCase()}${String.fromCharCode(end)}`))));
    for (const needle of needles) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const before = at === 0 ? 10 : folded.charCodeAt(at - 1);
        if (before === 10 || before === 47) marked[this.indexAt(at)] = 1;
      }
    }
    const found: number[] = [];
    for (let index = 0; index < marked.length; index++) if (marked[index]) found.push(index);
    return found;
  }

  /** Indices of the files whose path starts with one of `directories` plus `/` (a superset of the files directly in them). */
  *under(directories: readonly string[]): Generator<number> {
    const seen = new Set<number>();
    for (const directory of directories) {
      const prefix = `${directory}/`;
      for (let at = this.text.indexOf(prefix); at >= 0; at = this.text.indexOf(prefix, at + 1)) {
        if (at > 0 && this.text.charCodeAt(at - 1) !== 10) continue;
        const index = this.indexAt(at);
        if (this.starts[index] !== at || seen.has(index)) continue;
        seen.add(index);
        yield index;
      }
    }
  }

  /** The file whose path covers text offset `at`. */
  private indexAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** `fetchUser(), Client{get,post}, MAX_RETRIES`: members grouped under their class. */
function symbolEntries(symbols: CodeSymbol[]): string {
  const membersByContainer = new Map<string, string[]>();
  for (const symbol of symbols) {
    if (symbol.container === undefined) continue;
    const members = membersByContainer.get(symbol.container) ?? [];
    members.push(symbol.name);
    membersByContainer.set(symbol.container, members);
  }
  const entries: string[] = [];
  const listedContainers = new Set<string>();
  for (const symbol of symbols) {
    if (symbol.container !== undefined) {
      if (!listedContainers.has(symbol.container) && !symbols.some((other) => other.container === undefined && other.name === symbol.container)) {
        listedContainers.add(symbol.container);
        entries.push(`${symbol.container}{${membersByContainer.get(symbol.container)!.join(',')}}`);
      }
      continue;
    }
    const members = membersByContainer.get(symbol.name);
    if (members && !listedContainers.has(symbol.name)) {
      listedContainers.add(symbol.name);
      entries.push(`${symbol.name}{${members.join(',')}}`);
    } else if (symbol.kind === 'function') entries.push(`${symbol.name}()`);
    else entries.push(symbol.name);
  }
  if (entries.length <= maxEntriesPerFile) return entries.join(', ');
  return `${entries.slice(0, maxEntriesPerFile).join(', ')}, +${entries.length - maxEntriesPerFile} more`;
}

/** True when the request names one of `files` by path or file name: the plan can then work from that file's neighbourhood. */
export function requestNamesAFile(request: string, files: readonly RankedFile[]): boolean {
  const pathTokens = requestPathTokens(request);
  const tokenLengths = new Set([...pathTokens].map((token) => token.length));
  return files.some(({ path }) => {
    const nameLength = path.length - path.lastIndexOf('/') - 1;
    return (tokenLengths.has(path.length) && pathTokens.has(path)) || (tokenLengths.has(nameLength) && pathTokens.has(path.slice(path.length - nameLength)));
  });
}

function requestPathTokens(request: string): Set<string> {
  return new Set(
    request
      .split(/[\s,;'"`()[\]{}<>]+/)
      .map((token) => token.replace(/^\.\//, '').replace(/[.:?!]+$/, ''))
      .filter(Boolean),
  );
}

function digits(value: number): number {
  let count = 1;
  for (let rest = Math.abs(Math.trunc(value)); rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count + (value < 0 ? 1 : 0);
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
