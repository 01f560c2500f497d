import type { CodeSymbol } from './outline.js';

/**
 * For languages without a grammar: lines that look like declarations in most languages.
 * Each symbol covers its own line only; kind is always 'other'.
 */
const declarationPatterns: RegExp[] = [
  /^\s*(?:export\s+)?(?:async\s+)?(?:function|func|fn|def|sub|proc|fun|procedure)\s+([A-Za-z_$][\w$.:]*)/,
  /^\s*(?:export\s+)?(?:class|struct|module|interface|trait|enum|type|object)\s+([A-Za-z_$][\w$]*)/,
  /^([A-Za-z_$][\w$]*)\s*(?::=|=(?!=))/,
];

export function plainTextSymbols(text: string): CodeSymbol[] {
  const symbols: CodeSymbol[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const pattern of declarationPatterns) {
      const match = pattern.exec(line);
      if (match?.[1]) {
        const trimmed = line.trim();
        symbols.push({
          name: match[1],
          kind: 'other',
          container: undefined,
          startLine: index + 1,
          endLine: index + 1,
          startIndex: lineStart,
          endIndex: lineStart + line.length,
          signature: trimmed.length > 200 ? `${trimmed.slice(0, 197)}...` : trimmed,
        });
        break;
      }
    }
    lineStart += line.length + 1;
  });
  return symbols;
}
