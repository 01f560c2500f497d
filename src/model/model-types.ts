import type { z } from 'zod';
import type { Provider } from '../config/setting-types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Why the agent calls the model; it names the call in the transcript and to the fake server. */
export type CallPurpose = 'plan' | 'edit' | 'answer' | 'suggest' | 'repair';

export interface TokenBudget {
  /** num_ctx: prompt plus reply. */
  context: number;
  /** num_predict: kept free for the reply. */
  outputReserve: number;
  /** context − outputReserve: the most a prompt may count. */
  promptLimit: number;
  /** Our cl100k count is multiplied by this to stay above the model's own tokenizer. */
  margin: number;
}

export interface TextReply {
  text: string;
  doneReason: 'stop' | 'length' | string;
  /** Our count of the prompt, margin included: the figure the budget check used. */
  promptTokens: number;
  serverPromptTokens?: number;
  completionTokens?: number;
  durationMs: number;
}

export type ParseStep = 'constrained' | 'retry' | 'permissive';

export interface StructuredReply<T> {
  value: T;
  parseStep: ParseStep;
  raw: string;
}

export type ModelEvent =
  | { type: 'call-start'; purpose: CallPurpose; promptTokens: number; budget: TokenBudget; provider: Provider; model: string }
  | { type: 'progress'; purpose: CallPurpose; completionTokens: number; tokensPerSecond: number }
  | {
      type: 'call-end';
      purpose: CallPurpose;
      promptTokens: number;
      serverPromptTokens?: number;
      completionTokens?: number;
      durationMs: number;
      doneReason?: string;
      parseStep?: ParseStep;
      error?: string;
    }
  | { type: 'rate-limited'; waitSeconds: number; attempt: number };

export interface TextRequest {
  purpose: CallPurpose;
  messages: ChatMessage[];
  /** Fewer reply tokens than the configured reserve, to leave the prompt more room. */
  outputReserve?: number;
  signal?: AbortSignal;
}

export interface StructuredRequest<T> {
  purpose: CallPurpose;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  schemaName: string;
  signal?: AbortSignal;
}

export interface ModelClient {
  readonly provider: Provider;
  readonly model: string;
  readonly budget: TokenBudget;
  /** How many calls may run at once: 1 for Ollama. */
  readonly parallelism: number;
  /** The exact figure the budget check uses: messages plus ~16 tokens each, times the margin. */
  countPromptTokens(messages: ChatMessage[]): Promise<number>;
  /** Never below countPromptTokens, and needs no tokenizer: for sizing what is far below the limit. */
  promptTokensAtMost(messages: ChatMessage[]): number;
  /** Never below countPromptTokens of one message of this many UTF-8 bytes. */
  messageTokensAtMost(utf8Bytes: number): number;
  fits(messages: ChatMessage[], outputReserve?: number): Promise<boolean>;
  completeText(request: TextRequest): Promise<TextReply>;
  completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredReply<T>>;
}
