import { failed, passed, type CheckVerdict } from './check-result.js';
import type { ProposedFile } from './proposed-file.js';

export interface NewlineConvention {
  /** undefined: the file mixes endings or has a single line, so there is no convention to keep. */
  lineEnding: '\n' | '\r\n' | undefined;
  finalNewline: boolean;
  byteOrderMark: boolean;
}

export function newlineConvention(text: string): NewlineConvention {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return {
    lineEnding: crlf > 0 && lf === 0 ? '\r\n' : lf > 0 && crlf === 0 ? '\n' : undefined,
    finalNewline: text.endsWith('\n'),
    byteOrderMark: text.startsWith('\uFEFF'),
  };
}

/**
 * Gives a model's reply the original file's line endings, final newline and byte-order mark.
 * Models always answer with LF and rarely keep a missing final newline; without this every
 * CRLF file would come back as a whole-file diff. A new file is left as written.
 */
export function restoreNewlineConvention(original: string | undefined, proposed: string): string {
  if (original === undefined) return proposed;
  const convention = newlineConvention(original);
  let restored = proposed.replace(/^\uFEFF/, '');
  if (convention.lineEnding) restored = restored.replace(/\r?\n/g, convention.lineEnding);
  const ending = convention.lineEnding ?? (restored.endsWith('\r\n') ? '\r\n' : '\n');
  if (convention.finalNewline && !restored.endsWith('\n')) restored += ending;
  if (!convention.finalNewline) restored = restored.replace(/\r?\n$/, '');
  return convention.byteOrderMark ? `\uFEFF${restored}` : restored;
}

/** The reply keeps the file's own line endings, final-newline convention and byte-order mark exactly. */
export function checkNewlines(file: ProposedFile): CheckVerdict {
  if (file.original === undefined) return passed;
  const expected = newlineConvention(file.original);
  const actual = newlineConvention(file.proposed);
  const problems: string[] = [];
  if (expected.lineEnding && actual.lineEnding !== expected.lineEnding && file.proposed.includes('\n')) {
    problems.push(`line endings should be ${expected.lineEnding === '\r\n' ? 'CRLF' : 'LF'} throughout`);
  }
  if (expected.finalNewline !== actual.finalNewline) {
    problems.push(expected.finalNewline ? 'the file should end with a newline' : 'the file should not end with a newline');
  }
  if (expected.byteOrderMark !== actual.byteOrderMark) {
    problems.push(expected.byteOrderMark ? 'the byte-order mark at the start was lost' : 'a byte-order mark was added');
  }
  if (problems.length === 0) return passed;
  return failed(`${file.path}: the reply changed the file's newline convention (${problems.join('; ')})`, `Keep the file's formatting: ${problems.join('; ')}.`);
}
