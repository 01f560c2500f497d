import { applyFileConventions } from './file-conventions.js';
import {
  fileNamedByFirstLine,
  fileNamedByInfo,
  fileNamedByLabelLine,
  isDiffBlock,
  isMarkdownFile,
  isShellBlock,
  isShellFile,
  languageAgreesWithPath,
  languageOfInfo,
  namesTarget,
} from './file-mention.js';
import { scanFencedBlocks, type FencedBlock, type FenceScan } from './markdown-fences.js';
import { removeThinking } from './think-blocks.js';

export type CodeReplyResult =
  | { ok: true; content: string; hadFence: boolean }
  | { ok: false; reason: 'truncated' | 'empty' | 'binary' | 'wrong-file' | 'no-code'; message: string };

type Rejection = Extract<CodeReplyResult, { ok: false }>;

/**
 * Turns a model's reply to "write the whole new content of <targetPath>" into that content.
 * Small models wrap code in fences even when told not to, so a fenced reply is unwrapped; a reply
 * without fences is taken as the code itself. Anything that could be a cut-off or a different
 * file is rejected rather than guessed at: a wrong file written silently is worse than a retry.
 */
export function stripCodeReply(input: { reply: string; targetPath: string; original?: string }): CodeReplyResult {
  const { reply, targetPath, original } = input;
  if (reply.includes('\0')) return reject('binary', 'the reply contains NUL bytes, so it is not source text');
  if (reply.trim() === '') return reject('empty', 'the reply is empty');
  const thinking = removeThinking(reply, original);
  if (!thinking.complete) return reject('truncated', 'the reply ended inside its <think> block, before any code');
  const text = thinking.text;
  if (text.trim() === '') return reject('no-code', 'the reply holds only thinking, no code');

  const scan = scanFencedBlocks(text);
  if (scan.blocks.length === 0 || isRawCodeAroundFences(scan) || isRawFileWithItsOwnFences(scan, targetPath, original)) {
    return { ok: true, content: withFileConventions(withoutLeadingChatter(text, targetPath, original), original), hadFence: false };
  }
  const unclosed = scan.blocks.find((block) => !block.closed);
  if (unclosed) {
    return reject(
      'truncated',
      'the reply opens a code fence it never closes, so it was cut off (if the file itself contains ``` lines, wrap it in ```` instead)',
    );
  }
  const chosen = chooseBlock(scan.blocks, targetPath);
  if (!chosen.ok) return chosen;
  const lines = withoutTargetNameLine(chosen.block.lines, targetPath, original);
  const content = lines.join('\n');
  if (content.trim() === '') return reject('no-code', 'the code block in the reply is empty');
  return { ok: true, content: withFileConventions(content, original), hadFence: true };
}

/**
 * The original's line endings and final newlines, and its byte-order mark: models never write one
 * back, and the newline check would refuse every edit to a file that starts with one.
 */
function withFileConventions(content: string, original: string | undefined): string {
  const conventional = applyFileConventions(content.replace(/^\uFEFF/, ''), original);
  return original?.startsWith('\uFEFF') && !conventional.startsWith('\uFEFF') ? `\uFEFF${conventional}` : conventional;
}

function reject(reason: Rejection['reason'], message: string): Rejection {
  return { ok: false, reason, message };
}

type Naming = 'target' | 'other' | 'none';

interface Candidate {
  block: FencedBlock;
  naming: Naming;
  namedFile: string | undefined;
  language: string | undefined;
}

function describeBlock(block: FencedBlock, targetPath: string): Candidate {
  const language = languageOfInfo(block.info);
  const labelLine = block.proseAbove.at(-1);
  const namedFile =
    fileNamedByInfo(block.info, targetPath) ??
    (labelLine === undefined ? undefined : fileNamedByLabelLine(labelLine, targetPath)) ??
    (block.lines[0] === undefined ? undefined : fileNamedByFirstLine(block.lines[0], targetPath));
  const naming: Naming = namedFile === undefined ? 'none' : namesTarget(namedFile, targetPath) ? 'target' : 'other';
  return { block, naming, namedFile, language };
}

/**
 * Picks the block that is the target file: blocks named as other files and diffs are never it;
 * one named as the target wins (the last, when the model shows a "before" and an "after");
 * trailing shell commands are skipped; among the rest, a block whose language agrees with the file beats an untagged one,
 * which beats one tagged with another language; ties go to the longest.
 */
function chooseBlock(blocks: FencedBlock[], targetPath: string): { ok: true; block: FencedBlock } | Rejection {
  const described = blocks.map((block) => describeBlock(block, targetPath));
  const candidates = described.filter((candidate) => candidate.naming !== 'other');
  if (candidates.length === 0) {
    const named = [...new Set(described.map((candidate) => candidate.namedFile))].join(', ');
    return reject('wrong-file', `the reply's code is labelled ${named}, not ${targetPath}`);
  }
  const files = candidates.filter((candidate) => !isDiffBlock(candidate.language, targetPath));
  if (files.length === 0) return reject('no-code', `the reply is a diff; send the whole content of ${targetPath} instead`);
  const namedTarget = files.filter((candidate) => candidate.naming === 'target');
  if (namedTarget.length > 0) return { ok: true, block: namedTarget.at(-1)!.block };
  const withoutShell = isShellFile(targetPath)
    ? files
    : files.filter((candidate) => !isShellBlock(candidate.language, candidate.block.lines));
  const pool = withoutShell.length > 0 ? withoutShell : files;
  const rank = (candidate: Candidate): number => {
    if (candidate.language === undefined) return 1;
    return languageAgreesWithPath(candidate.language, targetPath) === true ? 2 : 0;
  };
  const best = Math.max(...pool.map(rank));
  const tier = pool.filter((candidate) => rank(candidate) === best);
  const longest = tier.reduce((a, b) => (b.block.lines.join('\n').length > a.block.lines.join('\n').length ? b : a));
  return { ok: true, block: longest.block };
}

/** A `// src/a.js` header the model added is not part of the file, unless the file starts with it too. */
function withoutTargetNameLine(lines: string[], targetPath: string, original?: string): string[] {
  const first = lines[0];
  if (first === undefined) return lines;
  const named = fileNamedByFirstLine(first, targetPath);
  if (named === undefined || !namesTarget(named, targetPath)) return lines;
  const originalFirstLine = original?.split('\n')[0]?.replace(/\r$/, '');
  if (originalFirstLine !== undefined && originalFirstLine.trim() === first.trim()) return lines;
  return lines.slice(1);
}

/**
 * A raw code reply can hold fence lines of its own (a template string, a docstring), so fences
 * mean a wrapped reply only when the text outside them reads as prose. Outside lines that look
 * like code mean the fences are the file's: taking a block out of it would silently drop the rest.
 */
function isRawCodeAroundFences(scan: FenceScan): boolean {
  const outside = [...scan.leadingProse, ...scan.blocks.slice(1).flatMap((block) => block.proseAbove), ...scan.trailingProse];
  return outside.some(looksLikeCode);
}

const codeKeywordStart =
  /^\s*(?:import|export|const|let|var|function|def|class|package|from|return|if|for|while|fn|pub|use|using|namespace|public|private|protected|#include|#define)\b/;

/** A line ending the way statements end, opening a block, or leaving a backtick string open. */
function looksLikeCode(line: string): boolean {
  const oddBackticks = (line.match(/`/g)?.length ?? 0) % 2 === 1;
  return oddBackticks || codeKeywordStart.test(line) || /[;{}([,=]\s*$/.test(line);
}

/**
 * A Markdown file (or any file that already holds fences) may come back raw, its own fences
 * included. Such a reply counts as wrapped only when it opens with a fence, perhaps after a
 * label naming the target or a short lead-in like "Here is the updated file:".
 */
function isRawFileWithItsOwnFences(scan: FenceScan, targetPath: string, original?: string): boolean {
  const fileHasFences = original !== undefined && /^ {0,3}(?:```|~~~)/m.test(original);
  if (!isMarkdownFile(targetPath) && !fileHasFences) return false;
  const firstLine = original?.split('\n')[0]?.replace(/\r$/, '');
  if (firstLine !== undefined && firstLine.trim() !== '' && scan.leadingProse[0] === firstLine) return true;
  return !scan.leadingProse.every((line) => isLeadIn(line, targetPath));
}

function isLeadIn(line: string, targetPath: string): boolean {
  return fileNamedByLabelLine(line, targetPath) !== undefined || isChatter(line);
}

/** "Sure! Here is the updated file:": a line no source file starts with. */
function isChatter(line: string): boolean {
  return /^\s*(?:sure|certainly|okay|ok|here(?:'s| is| are)|below|the (?:updated|modified|new|full|complete))\b.*:\s*$/i.test(line);
}

/**
 * A raw code reply may open with one chatter line and a blank line; the code starts after them.
 * Prose files are left alone: there such a line may be the file's own first sentence.
 */
function withoutLeadingChatter(text: string, targetPath: string, original?: string): string {
  if (isMarkdownFile(targetPath)) return text;
  const match = /^([^\n]*)\r?\n[ \t]*\r?\n/.exec(text);
  const firstLine = match?.[1]?.replace(/\r$/, '');
  if (match === null || firstLine === undefined || !isChatter(firstLine)) return text;
  if (original?.startsWith(firstLine)) return text;
  return text.slice(match[0].length);
}
