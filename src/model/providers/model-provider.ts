import type { CallPurpose, ChatMessage } from '../model-types.js';

/** What the one sending function asks of a provider: a single HTTP exchange, already budgeted. */
export interface ProviderRequest {
  purpose: CallPurpose;
  messages: ChatMessage[];
  outputReserve: number;
  /** Present for structured calls: the schema the reply must match. */
  structured?: { jsonSchema: Record<string, unknown>; schemaName: string };
  /** Fires on Ctrl-C or the total timeout. */
  signal: AbortSignal;
  onProgress(completionTokens: number): void;
  /** Groq's 429: the provider waits `waitSeconds` and tries again. */
  onRateLimited?(waitSeconds: number, attempt: number): void;
}

export interface ProviderReply {
  text: string;
  doneReason: string;
  serverPromptTokens?: number;
  completionTokens?: number;
}

export interface ModelProvider {
  send(request: ProviderRequest): Promise<ProviderReply>;
  /** Whether `structured` requests are grammar-constrained (else the schema must be in the prompt). */
  structuredMode(): 'constrained' | 'json-object' | 'prompted';
}

/** The header the fake server (and a proxy log) uses to tell the agent's calls apart. */
export const purposeHeader = 'x-litecode-purpose';
