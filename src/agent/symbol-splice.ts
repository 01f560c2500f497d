import type { CodeSymbol } from '../syntax/outline.js';

/**
 * Replaces one symbol's source in `text` by its tree-sitter character range. The model wrote
 * only the symbol; everything around it stays byte-identical.
 */
export function spliceSymbol(text: string, symbol: Pick<CodeSymbol, 'startIndex' | 'endIndex'>, replacement: string): string {
  const trimmed = replacement.replace(/(\r?\n)+$/, '');
  return text.slice(0, symbol.startIndex) + trimmed + text.slice(symbol.endIndex);
}
