import { createHash } from 'node:crypto';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/** At or above this line-set similarity, a reply to a modify is taken to be the other file. */
const sameFileSimilarity = 0.8;
/**
 * A new file may resemble its neighbours (a new test beside an old one shares imports and
 * shape, typically 30-60% of its lines), so a create must be nearly a copy to fail.
 */
const copiedFileSimilarity = 0.85;
/** Tiny files share most of their lines by chance (`}`, `end`); only compare files with this many distinct lines. */
const minimumDistinctLines = 4;
/** An instruction that asks for a copy makes a copy the right answer. */
const copyWords = /\b(copy|copies|copying|duplicate|clone|mirror|same as|identical to)\b/i;

/**
 * The reply is another file rather than the target, reported by that file's name: identical to
 * any tracked file (by blob id, so the whole repository is covered without reading it) or to one
 * of the files the model may have seen; or, for a modify, sharing at least 80% of its distinct
 * lines with one and more than with the target's original; or, for a create, at least 85% (one changed line in a 7-line file).
 */
export function checkWrongFile(file: ProposedFile): CheckVerdict {
  if (copyWords.test(file.instruction)) return passed;
  const exactCopy = trackedCopyOf(file);
  if (exactCopy !== undefined) return wrongFile(file, exactCopy, true);
  const proposed = normalised(file.proposed);
  const proposedLines = lineSet(file.proposed);
  const similarityToOriginal = file.original === undefined ? 0 : similarity(proposedLines, lineSet(file.original));
  const limit = file.original === undefined ? copiedFileSimilarity : sameFileSimilarity;
  for (const other of file.otherFiles) {
    if (other.path === file.path) continue;
    const exact = normalised(other.content) === proposed && proposed !== '';
    const otherSimilarity = proposedLines.size >= minimumDistinctLines ? similarity(proposedLines, lineSet(other.content)) : 0;
    const close = otherSimilarity >= limit && otherSimilarity > similarityToOriginal;
    if (exact || close) return wrongFile(file, other.path, exact);
  }
  return passed;
}

function wrongFile(file: ProposedFile, otherPath: string, exact: boolean): CheckVerdict {
  const newFile = file.original === undefined ? ', the new file' : '';
  return failed(
    `${file.path}: the reply is ${exact ? 'a copy of' : 'mostly'} ${otherPath}, the wrong file, not ${file.path}${newFile}`,
    `Your reply ${exact ? 'is the content of' : 'mostly matches'} ${otherPath}, a different file. ` +
      `Write ${file.path} only: reply with ${expectedReply(file)}${file.original === undefined ? `, new content that does what the task says: ${file.instruction}` : ''}.`,
  );
}

/** The tracked file whose blob is byte-identical to the reply (or to it with a final newline), if any. */
function trackedCopyOf(file: ProposedFile): string | undefined {
  const ids = file.trackedBlobIds;
  if (!ids || ids.size === 0) return undefined;
  const algorithm = [...ids.keys()][0]!.length === 64 ? 'sha256' : 'sha1';
  for (const id of copyBlobIds(file.proposed, algorithm)) {
    const path = ids.get(id);
    if (path !== undefined && path !== file.path) return path;
  }
  return undefined;
}

/**
 * The blob ids the reply would have if it copied a file byte for byte: as sent, and with its
 * final newline added or removed. None for a reply of fewer than two distinct lines, which any
 * small file may share by chance. The caller looks these up in the repository (trackedBlobIds).
 */
export function copyBlobIds(proposed: string, algorithm: 'sha1' | 'sha256'): string[] {
  if (lineSet(proposed).size < 2) return [];
  const texts = new Set([proposed, proposed.endsWith('\n') ? proposed.slice(0, -1) : `${proposed}\n`]);
  return [...texts].map((text) => blobId(text, algorithm));
}

function blobId(text: string, algorithm: 'sha1' | 'sha256'): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
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
