import type { CodeSymbol } from '../syntax/outline.js';

/**
 * Symbol mode sends the model only the named symbols of a file too large for its context, and
 * splices back only those. A task that also needs something outside them (a new helper beside
 * them, an import at the top, a name another task defines in another file) would lose that part
 * silently and land a file calling a function that is defined nowhere. This finds such a part,
 * in code, before any model call, so the edit is refused clearly instead.
 */
export function partOutsideSymbols(input: {
  instruction: string;
  fileText: string;
  symbols: readonly CodeSymbol[];
  namedSymbols: readonly string[];
  /** The instructions of the plan's other tasks, which may define a name this one uses. */
  otherInstructions: readonly string[];
}): string | undefined {
  const { instruction, fileText, symbols, namedSymbols } = input;
  const named = namedSymbols.map((name) => name.split(/\.|#|::/).pop()!);
  const namesAContainer = symbols.some((symbol) => named.includes(symbol.name) && ['class', 'interface', 'module', 'type', 'enum'].includes(symbol.kind));
  if (/\b(?:add|adds|adding)\s+(?:an?\s+|the\s+)?imports?\b|\bimports?\s+\S+\s+from\b|\bimport (?:it|them)\b/i.test(instruction)) {
    return 'an import, which belongs at the top of the file';
  }
  const newDefinition =
    /\b(?:add|adds|adding|create|creates|define|defines|write|writes|introduce|introduces|extract|extracts)\s+(?:a |an |the |one )?(?:new |small |separate |private |shared )?(?:helper|function|method|class|constant|utility|util|module|type|interface|enum|decorator)\b/i.exec(
      instruction,
    );
  if (newDefinition && !namesAContainer) return `"${newDefinition[0]}", which would be a new definition beside ${namedSymbols.join(', ')}`;
  const unknownFromElsewhere = codeNames(instruction).filter(
    (name) => !named.includes(name) && !new RegExp(`\\b${escape(name)}\\b`).test(fileText) && input.otherInstructions.some((other) => new RegExp(`\\b${escape(name)}\\b`).test(other)),
  );
  if (unknownFromElsewhere.length > 0) {
    return `${unknownFromElsewhere.join(', ')} from another file of the plan, which needs an import at the top of the file`;
  }
  return undefined;
}

/** Words of an instruction that look like code names: `backticked`, camelCase, snake_case, or called(). */
function codeNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/`([A-Za-z_$][\w$]*)(?:\(\))?`/g)) names.add(match[1]!);
  for (const match of text.matchAll(/\b([A-Za-z_$][\w$]*)\(\)?/g)) if (/[a-z][A-Z]|_/.test(match[1]!)) names.add(match[1]!);
  for (const match of text.matchAll(/\b([a-z][a-z0-9]*[A-Z][\w$]*|[a-z]+_[a-z0-9_]+)\b/g)) names.add(match[1]!);
  return [...names];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
