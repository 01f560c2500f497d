import type { ChatMessage, ModelClient } from '../model/model-client.js';
import { findSymbol, outlineSymbols } from '../syntax/outline.js';
import { computeFileFacts, renderFacts, type FileFacts } from './file-facts.js';
import { answerSystemPrompt, fileBlock } from './prompts.js';

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
  for (const file of input.files) {
    const symbols = await outlineSymbols(file.path, file.text);
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
  // With no file to read, the repository map is what the question is about.
  let body = sections.length > 0 ? sections : [`Repository map:\n${input.repoMap}`];
  if (!(await input.client.fits(messagesWith(body)))) body = await shrinkToSymbols(input.files);
  if (!(await input.client.fits(messagesWith(body)))) body = input.repoMap ? [`Repository map:\n${input.repoMap}`] : [];
  if (!(await input.client.fits(messagesWith(body)))) body = [];
  const reply = await input.client.completeText({ purpose: 'answer', messages: messagesWith(body) });
  return { answer: reply.text.trim(), facts };
}

async function shrinkToSymbols(files: readonly QuestionFile[]): Promise<string[]> {
  const sections: string[] = [];
  for (const file of files) {
    const symbols = await outlineSymbols(file.path, file.text);
    const wanted = file.symbols.map((name) => findSymbol(symbols, name)).filter((symbol) => symbol !== undefined);
    const outline = symbols.map((symbol) => `${symbol.startLine}-${symbol.endLine}: ${symbol.signature}`).join('\n');
    sections.push(`Outline of ${file.path}:\n${outline}`);
    for (const symbol of wanted) sections.push(fileBlock(`${file.path} (${symbol.name})`, file.text.slice(symbol.startIndex, symbol.endIndex)));
  }
  return sections;
}
