import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * The thresholds are measured (bench/shrinkage.mjs, figures in test/guard/shrinkage-check.test.ts):
 * a modify is refused when it has at least `minimumLinesLost` fewer non-blank lines than the
 * original AND that is more than `lostShareLimit` of them.
 */
export const lostShareLimit = 0.5;
export const minimumLinesLost = 3;

/** Words of an instruction that make losing lines the point of the task. */
export const removalWords =
  /\b(remove|removes|removing|delete|deletes|deleting|drop|strip|trim|shorten|simplify|condense|collapse|dedupe|deduplicate|merge|clean ?up|get rid of|replace|rewrite|reduce|minify|inline|move|extract|split|eliminate)\b/i;

export function nonBlankLineCount(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * Shrinkage: a modify that lost a large share of the original's lines while the task did not ask
 * to remove anything. Language-free: it catches a reply that holds only the changed function, a
 * one-sentence README, a cut-off file with no syntax to betray it.
 */
export function checkShrinkage(file: ProposedFile): CheckVerdict {
  if (file.original === undefined || file.mayRemoveSymbols || removalWords.test(file.instruction)) return passed;
  const before = nonBlankLineCount(file.original);
  const after = nonBlankLineCount(file.proposed);
  const lost = before - after;
  if (lost < minimumLinesLost || lost / before <= lostShareLimit) return passed;
  return failed(
    `${file.path}: the reply dropped ${lost} of ${before} lines although the task did not ask to remove anything`,
    `Your reply has ${after} lines where the file had ${before}; you left out lines the task did not ask to remove. Reply with ${expectedReply(file)}, keeping every line you do not need to change.`,
  );
}
