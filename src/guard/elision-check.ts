import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/** A comment, in any common syntax, with its markers removed: `// x`, `# x`, `/* x *\/`, `{/* x *\/}`, `<!-- x -->`, `-- x`, `; x`, ` * x`. */
const commentBody = /^(?:\/\/+|#+|\/\*+|<!--|--|;+|\*+|\{\/\*)\s*(.*?)\s*(?:\*+\/\}?|-->)?$/;

/** Phrases small models write in place of code they did not repeat. */
const placeholderPhrases: RegExp[] = [
  /^(\.{3}|…)/,
  /existing code/,
  /\brest of (the )?(file|code|function|class|module|implementation|methods?|body)\b/,
  /\b(remains?|stays?|left|kept) (the same|unchanged|as (it )?(is|was))\.?$/,
  /^\(?unchanged\)?\.?$/,
  /\b(rest|remainder|other \w+) unchanged\b/,
  /\bsame as (before|above|original|the original)\b/,
  /\b(code|methods?|functions?|lines?|implementation) (omitted|elided|not shown)\b/,
  /\bomitted for brevity\b/,
  /\b(previous|original|other) (code|implementation|methods|functions)\b( here)?$/,
  /\bkeep (the )?(existing|rest|original)\b/,
];

const bareEllipsis = /^(\.{3}|…)$/;

function isPlaceholder(line: string): boolean {
  const trimmed = line.trim();
  if (bareEllipsis.test(trimmed)) return true;
  const body = commentBody.exec(trimmed)?.[1]?.toLowerCase();
  if (body === undefined) return false;
  return placeholderPhrases.some((phrase) => phrase.test(body));
}

const removalWords = /\b(remove|removes|removing|delete|deletes|deleting|drop|strip|trim|shorten|simplify|condense|collapse|dedupe|deduplicate|merge|clean ?up|get rid of|replace)\b/i;

/** Lines are "most" of a file when over this share are gone, and there were more than `minimumLinesLost`. */
const lostShareLimit = 0.4;
const minimumLinesLost = 10;

/**
 * Elided output: a placeholder line standing in for code (only when the original did not
 * have that very line), or a file that lost most of its lines while nothing asked for removal.
 */
export function checkElision(file: ProposedFile): CheckVerdict {
  const originalLines = new Set((file.original ?? '').split(/\r?\n/).map((line) => line.trim()));
  const proposedLines = file.proposed.split(/\r?\n/);
  const placeholderIndex = proposedLines.findIndex((line) => isPlaceholder(line) && !originalLines.has(line.trim()));
  if (placeholderIndex !== -1) {
    const placeholder = proposedLines[placeholderIndex]!.trim();
    return failed(
      `${file.path}: the reply left out code and wrote "${placeholder}" at line ${placeholderIndex + 1} instead`,
      `Line ${placeholderIndex + 1} of your reply, "${placeholder}", stands in for code you left out. Reply with ${expectedReply(file)}, writing out every line in full: no placeholders, no "...".`,
    );
  }
  if (file.original === undefined || file.mayRemoveSymbols || removalWords.test(file.instruction)) return passed;
  const before = nonBlankLineCount(file.original);
  const after = nonBlankLineCount(file.proposed);
  const lost = before - after;
  if (lost > minimumLinesLost && lost / before > lostShareLimit) {
    return failed(
      `${file.path}: the reply dropped ${lost} of ${before} lines although the task did not ask to remove anything`,
      `Your reply has ${after} lines where the file had ${before}; you left out code the task did not ask to remove. Reply with ${expectedReply(file)}, keeping every line you do not need to change.`,
    );
  }
  return passed;
}

function nonBlankLineCount(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}
