import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Tiktoken } from 'tiktoken/lite';
import type { ChatMessage } from './model-types.js';

/** Role markers and separators each chat template adds around a message. */
export const perMessageOverhead = 16;

let encoderPromise: Promise<Tiktoken> | undefined;

/** True once the tokenizer is loaded; commands that never call a model must leave it false. */
export function isTokenizerLoaded(): boolean {
  return encoderPromise !== undefined;
}

/** Loads tiktoken's lite build and the cl100k ranks on first use only: it costs up to a second. */
function encoder(): Promise<Tiktoken> {
  encoderPromise ??= (async () => {
    const { Tiktoken } = await import('tiktoken/lite');
    const require = createRequire(import.meta.url);
    const ranks = JSON.parse(await readFile(require.resolve('tiktoken/encoders/cl100k_base.json'), 'utf8')) as {
      bpe_ranks: string;
      special_tokens: Record<string, number>;
      pat_str: string;
    };
    return new Tiktoken(ranks.bpe_ranks, ranks.special_tokens, ranks.pat_str);
  })();
  return encoderPromise;
}

/** cl100k tokens in `text`. Special-token text such as `<|endoftext|>` counts as plain text. */
export async function countTextTokens(text: string): Promise<number> {
  return (await encoder()).encode_ordinary(text).length;
}

/** Our raw count of a prompt, before any safety margin. */
export async function countMessagesRaw(messages: readonly ChatMessage[]): Promise<number> {
  const tokenizer = await encoder();
  let total = 0;
  for (const message of messages) total += tokenizer.encode_ordinary(message.content).length + perMessageOverhead;
  return total;
}

/**
 * A count `countTextTokens` can never exceed, without loading the tokenizer: cl100k (like o200k)
 * is a byte-level BPE, so every token covers at least one UTF-8 byte of the text, whatever the
 * script, emoji or combining marks. Code runs 3–4 bytes per token, so this is loose: it only
 * saves a count when the text is far below the budget.
 */
export function textTokensAtMost(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `countMessagesRaw` never exceeds this. */
export function messagesTokensAtMost(messages: readonly ChatMessage[]): number {
  let total = 0;
  for (const message of messages) total += textTokensAtMost(message.content) + perMessageOverhead;
  return total;
}
