import { basename, extname } from 'node:path/posix';
import type { CodeSymbol } from './outline.js';

export { outlineFilesCached, type FileOutline, type OutlineSource } from './outline-cache.js';

export interface RepoMapFile {
  path: string;
  objectId: string;
  /** May be trimmed by the caller. */
  symbols: CodeSymbol[];
  lineCount: number;
  /** The file's text, when the caller has it: lets references in code count, not only in signatures. */
  content?: string;
}

export interface RepoMapInput {
  request: string;
  files: RepoMapFile[];
  maxTokens: number;
  countTokens: (text: string) => Promise<number> | number;
}

const maxEntriesPerFile = 30;

/** Ranks of relevance to the request; the map lists files from the highest. */
const rank = {
  namedFile: 1000,
  definesNamedIdentifier: 500,
  namedByStem: 300,
  referencesNamedIdentifier: 100,
  directoryNamed: 50,
  other: 0,
} as const;

/**
 * One line per file, `path (N lines): fetchUser(), Client{get,post}, MAX_RETRIES`, most relevant
 * first, trimmed to `maxTokens`. Files unrelated to the request go first: they lose their
 * symbols (lowest first), then their lines; only then do related files lose symbols, then lines.
 */
export async function renderRepoMap(input: RepoMapInput): Promise<string> {
  const scored = scoreFiles(input.request, input.files);
  const lines = await Promise.all(
    scored.map(async ({ file, score }) => {
      const bare = `${file.path} (${file.lineCount} lines)`;
      const entries = symbolEntries(file.symbols);
      const full = entries ? `${bare}: ${entries}` : bare;
      const [fullTokens, bareTokens] = await Promise.all([input.countTokens(full), full === bare ? 0 : input.countTokens(bare)]);
      return { full, bare, fullTokens, bareTokens: full === bare ? fullTokens : bareTokens, related: score > rank.other, useFull: true, kept: true };
    }),
  );
  // Per-line counts approximate the joined text (tokenisers merge across newlines), so the
  // estimate picks the starting point and the joined text is counted to confirm each step.
  let total = lines.reduce((sum, line) => sum + line.fullTokens, 0);
  const lowestFirst = [...lines].reverse();
  const unrelated = lowestFirst.filter((line) => !line.related);
  const related = lowestFirst.filter((line) => line.related);
  const steps: { line: (typeof lines)[number]; step: 'symbols' | 'line' }[] = [unrelated, related].flatMap((tier) => [
    ...tier.map((line) => ({ line, step: 'symbols' as const })),
    ...tier.map((line) => ({ line, step: 'line' as const })),
  ]);
  const render = (): string => {
    const rendered = lines.filter((line) => line.kept).map((line) => (line.useFull ? line.full : line.bare));
    const dropped = lines.length - rendered.length;
    if (dropped > 0 && rendered.length > 0) rendered.push(`(+${dropped} more files)`);
    return rendered.join('\n');
  };
  let next = 0;
  const applyNextStep = (): boolean => {
    while (next < steps.length) {
      const { line, step } = steps[next++]!;
      if (step === 'symbols' && line.useFull && line.full !== line.bare) {
        line.useFull = false;
        total -= line.fullTokens - line.bareTokens;
        return true;
      }
      if (step === 'line' && line.kept) {
        line.kept = false;
        total -= line.useFull ? line.fullTokens : line.bareTokens;
        return true;
      }
    }
    return false;
  };
  while (total > input.maxTokens && applyNextStep());
  for (;;) {
    const text = render();
    if (text === '' || (await input.countTokens(text)) <= input.maxTokens) return text;
    if (!applyNextStep()) return '';
  }
}

export function rankFiles<T extends RepoMapFile>(request: string, files: T[]): T[] {
  return scoreFiles(request, files).map(({ file }) => file);
}

function scoreFiles<T extends RepoMapFile>(request: string, files: T[]): { file: T; score: number }[] {
  const words = new Set(request.match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []);
  const lowerWords = new Set([...words].map((word) => word.toLowerCase()));
  const pathTokens = new Set(
    request
      .split(/[\s,;'"`()[\]{}<>]+/)
      .map((token) => token.replace(/^\.\//, '').replace(/[.:?!]+$/, ''))
      .filter(Boolean),
  );
  const namedIdentifiers = new Set<string>();
  for (const file of files) {
    for (const symbol of file.symbols) if (symbol.name.length >= 3 && words.has(symbol.name)) namedIdentifiers.add(symbol.name);
  }
  const mentions = (text: string): boolean => [...namedIdentifiers].some((name) => new RegExp(`(^|[^\\w$])${escapeRegExp(name)}($|[^\\w$])`).test(text));
  const score = (file: T): number => {
    const name = basename(file.path);
    if (pathTokens.has(file.path) || pathTokens.has(name)) return rank.namedFile;
    if (file.symbols.some((symbol) => namedIdentifiers.has(symbol.name))) return rank.definesNamedIdentifier;
    const stem = basename(file.path, extname(file.path)).toLowerCase();
    if (stem.length >= 3 && lowerWords.has(stem)) return rank.namedByStem;
    if (namedIdentifiers.size && (file.content !== undefined ? mentions(file.content) : file.symbols.some((symbol) => mentions(symbol.signature)))) {
      return rank.referencesNamedIdentifier;
    }
    if (file.path.split('/').slice(0, -1).some((directory) => lowerWords.has(directory.toLowerCase()))) return rank.directoryNamed;
    return rank.other;
  };
  return files
    .map((file, order) => ({ file, order, score: score(file) }))
    .sort((left, right) => right.score - left.score || left.order - right.order);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
