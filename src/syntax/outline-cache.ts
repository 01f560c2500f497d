import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { litecodeDir, type Repository } from '../git/repository.js';
import { countLines, looksBinary } from './file-content.js';
import { fileKindFor, kindLabel } from './kinds/file-kind.js';
import { outlineSymbols, type CodeSymbol } from './outline.js';

export interface FileOutline {
  symbols: CodeSymbol[];
  lineCount: number;
  binary: boolean;
}

export interface OutlineSource {
  path: string;
  objectId: string;
  read: () => Promise<Buffer>;
}

/** Files above this size are listed without symbols: outlining them costs more than it tells a small model. */
export const maxOutlinedBytes = 1024 * 1024;
/** Bump when the outline format or extraction changes, so stale entries are never read. */
const cacheFormatVersion = 2;
const parallelReads = 8;

export function outlineCacheDirectory(repository: Repository): string {
  return join(litecodeDir(repository), 'outline-cache', `v${cacheFormatVersion}`);
}

/**
 * Outlines of the given blobs, keyed by path. Each outline is cached under the git dir by blob
 * id and file kind (the same blob outlines differently as .js, as .py and as package.json), so a second call
 * with the same blobs reads nothing from git. The cache is best effort: an unreadable or
 * half-written entry (a crash mid-write) is a miss and is rewritten.
 */
export async function outlineFilesCached(repository: Repository, files: OutlineSource[]): Promise<Map<string, FileOutline>> {
  const directory = outlineCacheDirectory(repository);
  const outlines = new Map<string, FileOutline>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      const entryPath = join(directory, file.objectId.slice(0, 2), `${file.objectId.slice(2)}-${kindLabel(fileKindFor(file.path))}.json`);
      const cached = await readCacheEntry(entryPath);
      if (cached) {
        outlines.set(file.path, cached);
        continue;
      }
      const outline = await outlineContent(file.path, await file.read());
      await writeCacheEntry(entryPath, outline);
      outlines.set(file.path, outline);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, files.length) }, worker));
  return outlines;
}

async function outlineContent(path: string, content: Buffer): Promise<FileOutline> {
  if (looksBinary(content)) return { symbols: [], lineCount: 0, binary: true };
  const text = content.toString('utf8');
  const lineCount = countLines(text);
  if (content.length > maxOutlinedBytes) return { symbols: [], lineCount, binary: false };
  return { symbols: await outlineSymbols(path, text), lineCount, binary: false };
}

async function readCacheEntry(entryPath: string): Promise<FileOutline | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(entryPath, 'utf8'));
    // JSON drops `container: undefined`; put it back so cached and fresh outlines are identical.
    if (isFileOutline(parsed)) return { ...parsed, symbols: parsed.symbols.map((symbol) => ({ ...symbol, container: symbol.container ?? undefined })) };
  } catch {
    // Missing or half-written: outline again.
  }
  return undefined;
}

async function writeCacheEntry(entryPath: string, outline: FileOutline): Promise<void> {
  try {
    await mkdir(join(entryPath, '..'), { recursive: true });
    await writeFile(entryPath, JSON.stringify(outline));
  } catch {
    // A read-only git dir only costs speed: the outline is still returned.
  }
}

function isFileOutline(value: unknown): value is FileOutline {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<FileOutline>;
  return Array.isArray(candidate.symbols) && typeof candidate.lineCount === 'number' && typeof candidate.binary === 'boolean';
}
