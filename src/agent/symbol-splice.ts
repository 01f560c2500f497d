import type { CodeSymbol } from '../syntax/outline.js';

/**
 * Replaces one symbol's source in `text` by its tree-sitter character range. The model wrote
 * only the symbol; everything around it stays byte-identical. Models usually repeat the
 * symbol's indentation on its first line, which the range starts after: that copy is dropped.
 */
export function spliceSymbol(text: string, symbol: Pick<CodeSymbol, 'startIndex' | 'endIndex'>, replacement: string): string {
  const lineStart = text.lastIndexOf('\n', symbol.startIndex - 1) + 1;
  const indentation = text.slice(lineStart, symbol.startIndex);
  let body = replacement.replace(/(\r?\n)+$/, '');
  if (/^[ \t]+$/.test(indentation) && body.startsWith(indentation)) body = body.slice(indentation.length);
  return text.slice(0, symbol.startIndex) + body + text.slice(symbol.endIndex);
}
