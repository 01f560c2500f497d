import type { KeyedDialect } from '../syntax/kinds/data-tree.js';
import { fileKindFor, keyedDialects } from '../syntax/kinds/file-kind.js';
import { languageForPath } from '../syntax/languages.js';
import { outlineSymbols, type CodeSymbol } from '../syntax/outline.js';
import { changedLinesExcerpt } from './change-excerpt.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { checkDataScope } from './data-scope-check.js';
import { checkProseScope } from './prose-scope-check.js';
import type { ProposedFile } from './proposed-file.js';
import { joinNames } from './join-names.js';

/**
 * Every existing symbol the task did not name is still there and its text is unchanged
 * (whitespace aside). A class is compared without its members, which are compared on their
 * own, so adding a method to a class does not count as changing the class. New symbols are
 * fine; a removed one counts as changed unless the task asks to remove things. A symbol the task
 * names may change but must keep its name: a model that renames it breaks every caller.
 * Without a grammar, symbols come from the plain-text outline and only their presence is checked.
 * Data files are compared key by key and prose files section by section (their own modules).
 */
export async function checkScope(file: ProposedFile): Promise<CheckVerdict> {
  const kind = fileKindFor(file.path);
  if (kind.family === 'data' && keyedDialects.has(kind.dialect)) return checkDataScope(file, kind.dialect as KeyedDialect);
  if (kind.family === 'prose' && kind.dialect !== 'text') return checkProseScope(file, kind.dialect);
  if (file.original === undefined) return passed;
  const [before, after] = await Promise.all([outlineSymbols(file.path, file.original), outlineSymbols(file.path, file.proposed)]);
  const comparesText = languageForPath(file.path) !== undefined;
  const intended = file.intendedSymbols.map((name) => name.trim().replace(/\(\s*\)$/, ''));
  const remaining = groupByIdentity(after, file.proposed);
  const changed: string[] = [];
  const lost: string[] = [];
  let firstChange: { before: string; after: string } | undefined;
  for (const [identity, originals] of groupByIdentity(before, file.original)) {
    if (originals.some(({ symbol }) => isIntended(symbol, intended))) {
      const namedItself = originals.some(({ symbol }) => isNamedItself(symbol, intended));
      if (namedItself && !file.mayRemoveSymbols && (remaining.get(identity)?.length ?? 0) === 0) lost.push(displayName(originals[0]!.symbol));
      continue;
    }
    const candidates = remaining.get(identity) ?? [];
    for (const original of originals) {
      const index = comparesText ? candidates.findIndex((candidate) => candidate.text === original.text) : candidates.length - 1;
      if (index !== -1) {
        candidates.splice(index, 1);
        continue;
      }
      const removed = candidates.length === 0;
      if (removed && file.mayRemoveSymbols) continue;
      if (!changed.includes(displayName(original.symbol))) changed.push(displayName(original.symbol));
      firstChange ??= { before: sourceOf(original.symbol, file.original), after: candidates[0] ? sourceOf(candidates[0].symbol, file.proposed) : '' };
    }
  }
  if (changed.length > 0) {
    const list = joinNames(changed);
    const allowed = intended.length ? `change only ${joinNames(intended)}` : `change only what the task asks: ${file.instruction}`;
    return failed(
      `${file.path}: the model also changed ${list}, which the task did not name`,
      `You also changed ${list}, which the task did not name; ${allowed}. Leave everything else exactly as it was.` +
        (firstChange ? ` Your unwanted change:\n${changedLinesExcerpt(firstChange.before, firstChange.after)}` : ''),
    );
  }
  if (lost.length > 0) {
    const names = joinNames(lost);
    return failed(
      `${file.path}: the model removed or renamed ${names}, which the task asks to change, not to rename`,
      `${names} is gone from your reply; keep its name and signature as they were and change only what the task asks.`,
    );
  }
  return passed;
}

/** The task names the symbol, or the class it belongs to. */
function isIntended(symbol: CodeSymbol, intended: string[]): boolean {
  return isNamedItself(symbol, intended) || (symbol.container !== undefined && intended.includes(symbol.container));
}

/** The task names the symbol by its own name (`fetchUser`, `Inventory.add`), not only its class. */
function isNamedItself(symbol: CodeSymbol, intended: string[]): boolean {
  return intended.some((name) => {
    const qualified = /^(.+?)(?:\.|#|::)([^.#:]+)$/.exec(name);
    if (qualified) return symbol.container === qualified[1] && symbol.name === qualified[2];
    return symbol.name === name;
  });
}

function groupByIdentity(symbols: CodeSymbol[], text: string): Map<string, { symbol: CodeSymbol; text: string }[]> {
  const groups = new Map<string, { symbol: CodeSymbol; text: string }[]>();
  for (const symbol of symbols) {
    const identity = `${symbol.container ?? ''}\u0000${symbol.name}`;
    const group = groups.get(identity) ?? [];
    group.push({ symbol, text: comparableText(symbol, symbols, text) });
    groups.set(identity, group);
  }
  return groups;
}

/** The symbol's source without the members nested in it (they are compared on their own), whitespace collapsed. */
function comparableText(symbol: CodeSymbol, symbols: CodeSymbol[], text: string): string {
  const nested = symbols
    .filter((other) => other !== symbol && other.startIndex >= symbol.startIndex && other.endIndex <= symbol.endIndex)
    .sort((left, right) => left.startIndex - right.startIndex);
  let shell = '';
  let position = symbol.startIndex;
  for (const member of nested) {
    if (member.startIndex < position) continue;
    shell += `${text.slice(position, member.startIndex)} `;
    position = member.endIndex;
  }
  shell += text.slice(position, symbol.endIndex);
  return shell.replace(/\s+/g, ' ').trim();
}

function sourceOf(symbol: CodeSymbol, text: string): string {
  return text.slice(symbol.startIndex, symbol.endIndex);
}

function displayName(symbol: CodeSymbol): string {
  return symbol.container ? `${symbol.container}.${symbol.name}` : symbol.name;
}

