import { RefusalError } from '../errors/litecode-error.js';
import type { ChatMessage, ModelClient } from '../model/model-client.js';
import { TruncatedReplyError } from '../model/model-errors.js';
import { findSymbol, outlineSymbols, type CodeSymbol } from '../syntax/outline.js';
import { computeFileFacts, renderFacts, type FileFacts } from './file-facts.js';
import { answerSystemPrompt, fileBlock, outlineBlock } from './prompts.js';

export interface QuestionFile {
  path: string;
  text: string;
  /** Symbols the question is about: sent alone when the whole file does not fit. */
  symbols: string[];
}

export interface Answer {
  answer: string;
  facts: FileFacts[];
}

/**
 * The read-only path: reads the files, computes the facts code can know, and asks one
 * answer call. It has no way to write: it gets no repository handle at all.
 */
export async function answerQuestion(input: { request: string; files: QuestionFile[]; repoMap: string; client: ModelClient }): Promise<Answer> {
  const facts: FileFacts[] = [];
  const sections: string[] = [];
  const outlined: { file: QuestionFile; symbols: CodeSymbol[] }[] = [];
  for (const file of input.files) {
    const symbols = await outlineSymbols(file.path, file.text);
    outlined.push({ file, symbols });
    facts.push(computeFileFacts(file.path, file.text, symbols));
    sections.push(fileBlock(file.path, file.text));
  }
  const factsText = facts.map(renderFacts).join('\n');
  const messagesWith = (body: string[]): ChatMessage[] => [
    { role: 'system', content: answerSystemPrompt },
    {
      role: 'user',
      content: [
        `Question: ${input.request}`,
        factsText ? `\nFacts (exact):\n${factsText}` : '',
        body.length ? `\n${body.join('\n\n')}` : '',
      ].join('\n'),
    },
  ];
  // The largest context that fits, in order: whole files, outlines plus the named symbols, the
  // repository map (what a question that names no file is about), the facts alone.
  const map = input.repoMap ? [`Repository map:\n${input.repoMap}`] : [];
  const candidates = sections.length > 0 ? [sections, symbolSections(outlined), map] : [map];
  let chosen = candidates.length;
  for (const [index, candidate] of candidates.entries()) {
    if (await input.client.fits(messagesWith(candidate))) {
      chosen = index;
      break;
    }
  }
  const body = candidates[chosen] ?? [];
  try {
    const reply = await input.client.completeText({ purpose: 'answer', messages: messagesWith(body) });
    return { answer: reply.text.trim(), facts };
  } catch (error) {
    if (!(error instanceof TruncatedReplyError)) throw error;
  }
  // Cut off at the output limit: one retry that asks for a shorter answer, with the same context
  // if the note still fits, else the next smaller one. An edit's advice would not help here.
  const reserve = input.client.budget.outputReserve;
  const shorter = (messages: ChatMessage[]): ChatMessage[] => messages.map((message, index) => (index === messages.length - 1 ? { ...message, content: message.content + shorterAnswerNote(reserve) } : message));
  let retryMessages = shorter(messagesWith([]));
  for (const candidate of candidates.slice(Math.min(chosen, candidates.length))) {
    if (await input.client.fits(shorter(messagesWith(candidate)))) {
      retryMessages = shorter(messagesWith(candidate));
      break;
    }
  }
  try {
    const reply = await input.client.completeText({ purpose: 'answer', messages: retryMessages });
    return { answer: reply.text.trim(), facts };
  } catch (error) {
    if (error instanceof TruncatedReplyError) throw new AnswerCutOffError(reserve);
    throw error;
  }
}

function shorterAnswerNote(outputReserve: number): string {
  return `\n\nYour previous answer was cut off at the ${outputReserve}-token output limit. Answer again much more briefly: at most five short sentences or a short list, only what the question asks, no code listings.`;
}

/** The answer was cut off twice, the second time after being asked for a shorter one. */
export class AnswerCutOffError extends RefusalError {
  constructor(readonly outputReserve: number) {
    super(
      `the model's answer was cut off at the ${outputReserve}-token output limit, twice (the retry asked for a shorter answer)`,
      'ask a narrower question (about one file or function), or raise litecode.outputReserve',
    );
  }
}

function symbolSections(outlined: readonly { file: QuestionFile; symbols: CodeSymbol[] }[]): string[] {
  const sections: string[] = [];
  for (const { file, symbols } of outlined) {
    const wanted = file.symbols.map((name) => findSymbol(symbols, name)).filter((symbol) => symbol !== undefined);
    const outline = outlineBlock(symbols);
    sections.push(`Outline of ${file.path}:\n${outline}`);
    for (const symbol of wanted) sections.push(fileBlock(`${file.path} (${symbol.name})`, file.text.slice(symbol.startIndex, symbol.endIndex)));
  }
  return sections;
}
