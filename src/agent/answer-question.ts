import type { ChatMessage, ModelClient } from '../model/model-client.js';
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
  let body: string[] = [];
  for (const candidate of candidates) {
    if (await input.client.fits(messagesWith(candidate))) {
      body = candidate;
      break;
    }
  }
  const reply = await input.client.completeText({ purpose: 'answer', messages: messagesWith(body) });
  return { answer: reply.text.trim(), facts };
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
