import type { CheckedTask } from '../guard/plan-check.js';
import type { OutputCheckName } from '../guard/check-result.js';
import { checkEditFormat } from '../guard/edit-format-check.js';
import { checkProposedFile } from '../guard/output-checks.js';
import { checkTalking } from '../guard/talking-check.js';
import { stripCodeReply } from '../model/fence-strip.js';
import type { ChatMessage, ModelClient } from '../model/model-client.js';
import { TruncatedReplyError } from '../model/model-errors.js';
import { findSymbol, outlineSymbols } from '../syntax/outline.js';
import { createSystemPrompt, editSystemPrompt, fileBlock, kindEditNote, outlineBlock, retryNote, symbolSystemPrompt } from './prompts.js';
import { spliceSymbol } from './symbol-splice.js';
import { partOutsideSymbols } from './symbol-mode-reach.js';

export type EditMode = 'whole-file' | 'symbol';

/** What the first reply failed on, when the retry then passed. */
export interface RejectedFirstReply {
  check: OutputCheckName;
  message: string;
}

export type FileEditOutcome =
  | { ok: true; path: string; content: string; checks: OutputCheckName[]; mode: EditMode; attempts: number; rejectedFirst?: RejectedFirstReply }
  | { ok: false; path: string; check: OutputCheckName | 'budget' | 'not-attempted'; message: string; mode: EditMode; attempts: number };

export interface FileEditInput {
  task: CheckedTask;
  synthesis: string;
  /** The file's current text; undefined for a create. */
  original: string | undefined;
  /** Signatures from other files that the target refers to, already budgeted by the caller. */
  context: string;
  /** Other files of the change and repository, for the wrong-file check. */
  otherFiles: { path: string; content: string }[];
  /** The tracked files a reply is a byte-exact copy of, by blob id (see ProposedFile.trackedBlobIds). */
  trackedCopies?: (content: string) => Promise<ReadonlyMap<string, string>>;
  /** The instructions of the plan's other tasks: a name one of them defines needs an import here. */
  otherInstructions?: string[];
  client: ModelClient;
}

type Attempt = { ok: true; content: string; checks: OutputCheckName[] } | { ok: false; check: OutputCheckName; message: string; feedback: string };

const removalWords = /\b(remove|delete|drop|strip|get rid of|eliminate)\b/i;

/**
 * Edits one file with one model call (plus one retry with the failed check fed back).
 * The whole file when it fits the budget; otherwise only the named symbols, spliced back by
 * tree-sitter ranges. Nothing here trusts the reply: every candidate goes through the guard.
 */
export async function editFile(requested: FileEditInput): Promise<FileEditOutcome> {
  const fitted = await fitToBudget(requested);
  if (fitted === undefined) {
    const { task, client } = requested;
    return {
      ok: false,
      path: task.file,
      check: 'budget',
      message: `${task.file} does not fit the model's context (${client.budget.context} tokens) and the task names no function to edit on its own`,
      mode: 'whole-file',
      attempts: 0,
    };
  }
  const { mode, input } = fitted;
  if (mode === 'symbol') {
    const outside = partOutsideSymbols({
      instruction: input.task.instruction,
      fileText: input.original!,
      symbols: await outlineSymbols(input.task.file, input.original!),
      namedSymbols: input.task.symbols,
      otherInstructions: input.otherInstructions ?? [],
    });
    if (outside !== undefined) {
      const symbols = input.task.symbols.join(', ');
      return {
        ok: false,
        path: input.task.file,
        check: 'budget',
        message:
          `${input.task.file} does not fit the model's context (${input.client.budget.context} tokens), so only ${symbols} could be edited on its own, ` +
          `but the task also asks for ${outside}; ask for that part in a request of its own, or raise litecode.context`,
        mode,
        attempts: 0,
      };
    }
  }
  const runAttempt = (feedback: string | undefined) =>
    mode === 'whole-file' ? attemptWholeFile(input, feedback) : attemptSymbols(input, feedback);
  const first = await runAttempt(undefined);
  if (first.ok) return { ok: true, path: input.task.file, content: first.content, checks: first.checks, mode, attempts: 1 };
  const second = await runAttempt(first.feedback);
  if (second.ok) {
    const rejectedFirst = { check: first.check, message: first.message };
    return { ok: true, path: input.task.file, content: second.content, checks: second.checks, mode, attempts: 2, rejectedFirst };
  }
  return { ok: false, path: input.task.file, check: second.check, message: second.message, mode, attempts: 2 };
}

/**
 * The whole file when it and its reply fit the budget, dropping the other files' signatures
 * first if that is what it takes; else the named symbols alone; else nothing fits.
 */
async function fitToBudget(input: FileEditInput): Promise<{ mode: EditMode; input: FileEditInput } | undefined> {
  if (input.original === undefined) return { mode: 'whole-file', input };
  const { client } = input;
  const replyEstimate = Math.ceil((await client.countPromptTokens([{ role: 'assistant', content: input.original }])) * 1.1);
  if (replyEstimate <= client.budget.outputReserve) {
    for (const candidate of [input, { ...input, context: '' }]) {
      if (await client.fits(wholeFileMessages(candidate, undefined))) return { mode: 'whole-file', input: candidate };
    }
  }
  return input.task.symbols.length > 0 ? { mode: 'symbol', input } : undefined;
}

function wholeFileMessages(input: FileEditInput, feedback: string | undefined): ChatMessage[] {
  const { task } = input;
  const lines = [
    `Overall change: ${input.synthesis}`,
    `Your task for ${task.file}: ${task.instruction}`,
  ];
  const kindNote = kindEditNote(task.file);
  if (kindNote) lines.push(kindNote);
  if (input.original !== undefined && task.symbols.length > 0) {
    lines.push(`Change only: ${task.symbols.join(', ')}. Every other function, class and line must stay exactly as it is.`);
  }
  if (input.original === undefined && task.symbols.length > 0) lines.push(`The new file must define: ${task.symbols.join(', ')}, under exactly these names.`);
  if (input.context) lines.push('', 'Signatures from other files, for reference:', input.context);
  lines.push('', input.original === undefined ? `Write the complete content of the new file ${task.file}.` : `Current content of ${task.file}:`);
  if (input.original !== undefined) lines.push(fileBlock(task.file, input.original), '', `Reply with the complete new content of ${task.file}.`);
  return [
    { role: 'system', content: input.original === undefined ? createSystemPrompt : editSystemPrompt },
    { role: 'user', content: lines.join('\n') + (feedback ? retryNote(feedback) : '') },
  ];
}

async function attemptWholeFile(input: FileEditInput, feedback: string | undefined): Promise<Attempt> {
  const reply = await callModel(input, wholeFileMessages(input, feedback), feedback ? 'repair' : 'edit');
  if (!reply.ok) return reply;
  const stripped = stripCodeReply({ reply: reply.text, targetPath: input.task.file, original: input.original });
  if (!stripped.ok) return strippingFailure(input.task.file, stripped.reason, stripped.message);
  return checkCandidate(input, stripped.content, false);
}

async function attemptSymbols(input: FileEditInput, feedback: string | undefined): Promise<Attempt> {
  let text = input.original!;
  for (const name of input.task.symbols) {
    const symbols = await outlineSymbols(input.task.file, text);
    const symbol = findSymbol(symbols, name);
    if (!symbol) return { ok: false, check: 'scope', message: `${name} is no longer found in ${input.task.file}`, feedback: `keep ${name} in place` };
    const current = text.slice(symbol.startIndex, symbol.endIndex);
    const outline = outlineBlock(symbols);
    const messages: ChatMessage[] = [
      { role: 'system', content: symbolSystemPrompt },
      {
        role: 'user',
        content:
          [
            `Overall change: ${input.synthesis}`,
            `Your task for ${input.task.file}: ${input.task.instruction}`,
            `The file is too large to show whole. Its outline (line ranges and signatures):`,
            outline,
            input.context ? `\nSignatures from other files, for reference:\n${input.context}` : '',
            `\nCurrent source of ${name}:`,
            fileBlock(`${input.task.file} (${name})`, current),
            `\nReply with the complete new source of ${name} only.`,
          ].join('\n') + (feedback ? retryNote(feedback) : ''),
      },
    ];
    const reply = await callModel(input, messages, feedback ? 'repair' : 'edit');
    if (!reply.ok) return reply;
    const stripped = stripCodeReply({ reply: reply.text, targetPath: input.task.file, original: current });
    if (!stripped.ok) return strippingFailure(input.task.file, stripped.reason, stripped.message);
    // Spliced into the middle of the file, a chatty or diff-shaped reply would no longer be at the
    // file's first or last line, where the whole-file checks look: check the symbol's reply itself.
    const symbolReply = {
      path: input.task.file,
      original: current,
      proposed: stripped.content,
      instruction: input.task.instruction,
      doneReason: undefined,
      intendedSymbols: [name],
      mayRemoveSymbols: false,
      otherFiles: [],
      symbolMode: true,
    };
    for (const [check, verdict] of [['talking', checkTalking(symbolReply)], ['edit-format', checkEditFormat(symbolReply)]] as const) {
      if (!verdict.ok) return { ok: false, check, message: verdict.message, feedback: verdict.feedback };
    }
    text = spliceSymbol(text, symbol, stripped.content);
  }
  return checkCandidate(input, text, true);
}

async function callModel(
  input: FileEditInput,
  messages: ChatMessage[],
  purpose: 'edit' | 'repair',
): Promise<{ ok: true; text: string } | Extract<Attempt, { ok: false }>> {
  try {
    const reply = await input.client.completeText({ purpose, messages });
    return { ok: true, text: reply.text };
  } catch (error) {
    if (error instanceof TruncatedReplyError) {
      return {
        ok: false,
        check: 'truncation',
        message: `the reply for ${input.task.file} was cut off at the output limit`,
        feedback: 'your reply was cut off before the end; reply with the complete file, without any explanation',
      };
    }
    throw error;
  }
}

function strippingFailure(path: string, reason: string, message: string): Attempt {
  const check: OutputCheckName = reason === 'truncated' ? 'truncation' : reason === 'wrong-file' ? 'wrong-file' : 'fences';
  return { ok: false, check, message: `${path}: ${message}`, feedback: message };
}

async function checkCandidate(input: FileEditInput, content: string, symbolMode: boolean): Promise<Attempt> {
  const report = await checkProposedFile({
    path: input.task.file,
    original: input.original,
    proposed: content,
    instruction: input.task.instruction,
    doneReason: undefined,
    intendedSymbols: input.task.symbols,
    mayRemoveSymbols: removalWords.test(input.task.instruction),
    otherFiles: input.otherFiles,
    trackedBlobIds: await input.trackedCopies?.(content),
    symbolMode,
  });
  if (report.failure) return { ok: false, check: report.failure.check, message: report.failure.message, feedback: report.failure.feedback };
  return { ok: true, content, checks: ['fences', ...report.passed.filter((name) => name !== 'fences')] };
}
