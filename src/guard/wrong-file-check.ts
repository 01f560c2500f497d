import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/** At or above this line-set similarity, a reply is taken to be the other file. */
const sameFileSimilarity = 0.8;
/** Tiny files share most of their lines by chance (`}`, `end`); only compare files with this many distinct lines. */
const minimumDistinctLines = 4;

/**
 * The reply is another file rather than the target: identical to one, or (when modifying)
 * sharing at least 80% of its distinct lines with one and more than with the target's original.
 * A create may resemble an existing file (a new test beside an old one), so only an exact copy fails it.
 */
export function checkWrongFile(file: ProposedFile): CheckVerdict {
  const proposed = normalised(file.proposed);
  const proposedLines = lineSet(file.proposed);
  const similarityToOriginal = file.original === undefined ? 0 : similarity(proposedLines, lineSet(file.original));
  for (const other of file.otherFiles) {
    if (other.path === file.path) continue;
    const exact = normalised(other.content) === proposed && proposed !== '';
    const close =
      file.original !== undefined &&
      proposedLines.size >= minimumDistinctLines &&
      similarity(proposedLines, lineSet(other.content)) >= sameFileSimilarity &&
      similarity(proposedLines, lineSet(other.content)) > similarityToOriginal;
    if (exact || close) {
      return failed(
        `${file.path}: the reply is ${exact ? 'a copy of' : 'mostly'} ${other.path}, not ${file.path}`,
        `Your reply ${exact ? 'is the content of' : 'mostly matches'} ${other.path}, a different file. Edit ${file.path} only: reply with ${expectedReply(file)}.`,
      );
    }
  }
  return passed;
}

function normalised(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

function lineSet(text: string): Set<string> {
  return new Set(text.split('\n').map((line) => line.trim()).filter(Boolean));
}

/** Dice similarity of two sets of lines: one changed line in a short file still counts as the same file. */
function similarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const line of left) if (right.has(line)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}
