/**
 * Finds JSON values inside a model reply by scanning brackets while skipping strings and comments,
 * so a "}" inside a string does not end the object. It accepts the damage small models make
 * (single quotes, smart quotes, comments) because jsonrepair fixes those afterwards.
 */
export type TopLevelValue =
  | { complete: true; text: string; start: number; end: number }
  /** An opening bracket never closed before the text ended: the reply was cut off. */
  | { complete: false; start: number };

const closingQuoteFor: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

/** The first balanced `{…}` in the text (brackets inside strings and comments do not count). */
export function extractFirstJsonObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start === -1) return undefined;
  const end = findClosingBracket(text, start);
  return end === undefined ? undefined : text.slice(start, end + 1);
}

/**
 * The top-level `{…}` and `[…]` values in order. A value nested in an array is never offered on its
 * own: a bare array of tasks must not pass as its first task. Scanning stops at the first value
 * that does not close, since anything after it belongs to that cut-off value.
 */
export function* topLevelJsonValues(text: string): Generator<TopLevelValue> {
  let from = 0;
  for (;;) {
    const start = firstOpeningBracket(text, from);
    if (start === -1) return;
    const end = findClosingBracket(text, start);
    if (end === undefined) {
      yield { complete: false, start };
      return;
    }
    yield { complete: true, text: text.slice(start, end + 1), start, end };
    from = end + 1;
  }
}

function firstOpeningBracket(text: string, from: number): number {
  const brace = text.indexOf('{', from);
  const bracket = text.indexOf('[', from);
  if (brace === -1) return bracket;
  if (bracket === -1) return brace;
  return Math.min(brace, bracket);
}

/** The index of the bracket closing the one at `start`, or undefined if the text ends first. */
function findClosingBracket(text: string, start: number): number | undefined {
  const expected: string[] = [];
  let index = start;
  while (index < text.length) {
    const char = text[index]!;
    const closingQuote = closingQuoteFor[char];
    if (closingQuote !== undefined) {
      index = endOfString(text, index + 1, closingQuote);
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      const lineEnd = text.indexOf('\n', index);
      index = lineEnd === -1 ? text.length : lineEnd;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const commentEnd = text.indexOf('*/', index + 2);
      index = commentEnd === -1 ? text.length : commentEnd + 2;
      continue;
    }
    if (char === '{') expected.push('}');
    else if (char === '[') expected.push(']');
    else if (char === '}' || char === ']') {
      // A mismatched closer is damage jsonrepair may still fix; only depth decides the end.
      expected.pop();
      if (expected.length === 0) return index;
    }
    index += 1;
  }
  return undefined;
}

/** The index just past the closing quote, honouring backslash escapes; the text's end if unclosed. */
function endOfString(text: string, from: number, closingQuote: string): number {
  let index = from;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') index += 2;
    else if (char === closingQuote) return index + 1;
    else index += 1;
  }
  return text.length;
}
