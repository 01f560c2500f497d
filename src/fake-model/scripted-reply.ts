/** One reply the fake server gives, and how it misbehaves. */
export type ScriptedFailure =
  | 'done-length'
  | 'low-prompt-eval'
  | 'whitespace-loop'
  | 'stall'
  | 'http-404'
  | 'http-401'
  | 'http-429'
  | 'http-500'
  | 'drop-connection';

export interface ScriptedReply {
  /** Pick the first unused reply whose match fits the request, else the first unused one without a match. */
  match?: { purpose?: string; userContains?: string | RegExp };
  /** The assistant text (for structured calls the JSON string, possibly damaged). */
  content?: string;
  failure?: ScriptedFailure;
  retryAfterSeconds?: number;
  /** Wait before answering. */
  delayMs?: number;
  /** The server's own prompt token count; by default about one token per four characters. */
  promptEvalCount?: number;
}

export interface RecordedRequest {
  path: string;
  method: string;
  body: any;
  /** From the x-litecode-purpose header, or a `[purpose:…]` marker in the messages. */
  purpose?: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Script = ScriptedReply[] | ((request: RecordedRequest) => ScriptedReply);

/** The user text of a chat request, for matching. */
export function userText(body: any): string {
  const messages: Array<{ role?: string; content?: unknown }> = Array.isArray(body?.messages) ? body.messages : [];
  return messages
    .filter((message) => message.role === 'user')
    .map((message) => String(message.content ?? ''))
    .join('\n');
}

export function matches(reply: ScriptedReply, request: RecordedRequest): boolean {
  if (!reply.match) return false;
  const { purpose, userContains } = reply.match;
  if (purpose !== undefined && request.purpose !== purpose) return false;
  if (userContains !== undefined) {
    const text = userText(request.body);
    if (typeof userContains === 'string' ? !text.includes(userContains) : !userContains.test(text)) return false;
  }
  return true;
}

/** Takes the reply for `request` out of a queue: the first unused match, else the first unused unmatched entry. */
export function takeScriptedReply(queue: Array<{ reply: ScriptedReply; used: boolean }>, request: RecordedRequest): ScriptedReply | undefined {
  const entry = queue.find((candidate) => !candidate.used && matches(candidate.reply, request)) ?? queue.find((candidate) => !candidate.used && !candidate.reply.match);
  if (!entry) return undefined;
  entry.used = true;
  return entry.reply;
}
