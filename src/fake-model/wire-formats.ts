import type { ScriptedReply } from './scripted-reply.js';

/** What a reply looks like once its failure is applied: the text and how generation stopped. */
export interface ReplyShape {
  content: string;
  stoppedAtLimit: boolean;
  promptTokens: number;
  completionTokens: number;
}

/** About one token per four characters, plus a few for each message's template. */
export function estimatePromptTokens(body: any): number {
  const messages: Array<{ content?: unknown }> = Array.isArray(body?.messages) ? body.messages : [];
  return messages.reduce((sum, message) => sum + Math.ceil(String(message.content ?? '').length / 4) + 4, 0);
}

export function replyShape(reply: ScriptedReply, body: any): ReplyShape {
  let content = reply.content ?? '';
  // A grammar-constrained model stuck on whitespace: a valid start, then newlines to the limit.
  if (reply.failure === 'whitespace-loop') content = `${reply.content ?? '{'}${'\n'.repeat(1500)}`;
  const stoppedAtLimit = reply.failure === 'done-length' || reply.failure === 'whitespace-loop';
  const promptTokens = reply.promptEvalCount ?? (reply.failure === 'low-prompt-eval' ? 12 : estimatePromptTokens(body));
  return { content, stoppedAtLimit, promptTokens, completionTokens: chunksOf(content).length };
}

/** The pieces a streamed reply arrives in (a few characters each, as tokens would). */
export function chunksOf(content: string): string[] {
  const pieces = content.match(/[\s\S]{1,4}/g) ?? [];
  return pieces;
}

export function ollamaChunk(model: string, content: string): string {
  return `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false })}\n`;
}

export function ollamaFinal(model: string, shape: ReplyShape, content: string): Record<string, unknown> {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done: true,
    done_reason: shape.stoppedAtLimit ? 'length' : 'stop',
    total_duration: 1_000_000,
    load_duration: 1000,
    prompt_eval_count: shape.promptTokens,
    prompt_eval_duration: 1000,
    eval_count: shape.completionTokens,
    eval_duration: 1000,
  };
}

export function openAiCompletion(model: string, shape: ReplyShape): Record<string, unknown> {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: shape.content }, logprobs: null, finish_reason: shape.stoppedAtLimit ? 'length' : 'stop' }],
    usage: { prompt_tokens: shape.promptTokens, completion_tokens: shape.completionTokens, total_tokens: shape.promptTokens + shape.completionTokens },
  };
}

export function openAiChunk(model: string, delta: Record<string, unknown>, finishReason: string | null, usage?: Record<string, number>): string {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(usage ? { x_groq: { id: 'req-fake', usage } } : {}),
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}
