import { countLines } from '../syntax/file-content.js';
import type { CodeSymbol } from '../syntax/outline.js';

/** Facts code can compute exactly, so the model never has to count. */
export interface FileFacts {
  path: string;
  lineCount: number;
  byteCount: number;
  symbols: { name: string; kind: CodeSymbol['kind']; startLine: number; endLine: number }[];
}

export function computeFileFacts(path: string, text: string, symbols: readonly CodeSymbol[]): FileFacts {
  return {
    path,
    lineCount: countLines(text),
    byteCount: Buffer.byteLength(text, 'utf8'),
    symbols: symbols.map(({ name, kind, startLine, endLine, container }) => ({
      name: container ? `${container}.${name}` : name,
      kind,
      startLine,
      endLine,
    })),
  };
}

export function renderFacts(facts: FileFacts): string {
  const symbols = facts.symbols.map((symbol) => `${symbol.name} (${symbol.kind}, lines ${symbol.startLine}-${symbol.endLine})`).join('; ');
  return `${facts.path}: ${facts.lineCount} lines, ${facts.byteCount} bytes${symbols ? `; symbols: ${symbols}` : ''}`;
}
