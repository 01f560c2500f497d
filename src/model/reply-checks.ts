import {
  BinaryReplyError,
  EmptyReplyError,
  ReplyOverReserveError,
  ServerTruncatedPromptError,
  TruncatedReplyError,
  WhitespaceLoopError,
} from './model-errors.js';
import type { ProviderReply } from './providers/model-provider.js';
import { isWhitespaceLoop } from './structured-reply-parser.js';

/**
 * Ollama's smallest default context is 2048: a shorter prompt is never cut. Checking only longer
 * ones also keeps a cached system prompt (left out of the server's count) from looking like a cut.
 */
const smallestCheckedPrompt = 2048;
const truncatedPromptRatio = 0.5;

/**
 * Why a reply cannot be used, or undefined. Order matters: a cut prompt explains everything
 * after it, and a whitespace loop is also a length stop, but the loop is the clearer message.
 */
export function replyProblem(
  reply: ProviderReply,
  context: { ourRawTokens: number; context: number; outputReserve: number; structured: boolean; serverCountComparable: boolean },
): Error | undefined {
  if (
    context.serverCountComparable &&
    reply.serverPromptTokens !== undefined &&
    context.ourRawTokens > smallestCheckedPrompt &&
    reply.serverPromptTokens < context.ourRawTokens * truncatedPromptRatio
  ) {
    return new ServerTruncatedPromptError(reply.serverPromptTokens, context.ourRawTokens, context.context);
  }
  if (context.structured && isWhitespaceLoop(reply.text)) return new WhitespaceLoopError();
  if (reply.doneReason === 'length') return new TruncatedReplyError(context.outputReserve);
  if (reply.text.includes('\0')) return new BinaryReplyError();
  if (reply.text.trim() === '') return new EmptyReplyError();
  if (reply.completionTokens !== undefined && reply.completionTokens > context.outputReserve) {
    return new ReplyOverReserveError(reply.completionTokens, context.outputReserve);
  }
  return undefined;
}
