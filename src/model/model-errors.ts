import { ModelUnavailableError, RefusalError } from '../errors/litecode-error.js';
import { adviseOnModelName, type ModelNameAdvice } from './model-suggestions.js';

/** The prompt does not fit `context − outputReserve`; nothing was sent. Callers shrink or give up. */
export class PromptTooLargeError extends RefusalError {
  constructor(
    readonly tokens: number,
    readonly limit: number,
    readonly context: number,
  ) {
    super(
      `the prompt needs ${tokens} tokens but only ${limit} fit (context ${context} minus the reply reserve); nothing was sent`,
      'ask about fewer files or a single function, or raise litecode.context if the model supports it',
    );
  }
}

/** A reply the agent must not use as content. The structured flow retries on these. */
export class UnusableReplyError extends RefusalError {}

/** done_reason / finish_reason "length": the reply was cut off at the output reserve. */
export class TruncatedReplyError extends UnusableReplyError {
  constructor(readonly outputReserve: number) {
    super(
      `the model's reply was cut off at the ${outputReserve}-token output limit`,
      'ask for a smaller change (one function), or raise litecode.outputReserve',
    );
  }
}

export class EmptyReplyError extends UnusableReplyError {
  constructor() {
    super('the model returned an empty reply', 'try again, or try another model with --model');
  }
}

export class BinaryReplyError extends UnusableReplyError {
  constructor() {
    super('the model returned binary data (NUL bytes), not text', 'try again, or try another model with --model');
  }
}

export class ReplyOverReserveError extends UnusableReplyError {
  constructor(
    readonly completionTokens: number,
    readonly outputReserve: number,
  ) {
    super(`the model's reply has ${completionTokens} tokens, more than the ${outputReserve} reserved for it`, 'ask for a smaller change, or check the server honours num_predict');
  }
}

/** Grammar-constrained models sometimes emit whitespace until the limit. */
export class WhitespaceLoopError extends UnusableReplyError {
  constructor() {
    super('the model got stuck emitting whitespace instead of JSON', 'try again, or use a larger model');
  }
}

/** The server evaluated far fewer prompt tokens than we sent: it cut the start of the prompt. */
export class ServerTruncatedPromptError extends RefusalError {
  constructor(
    readonly serverTokens: number,
    readonly ourTokens: number,
    readonly context: number,
  ) {
    super(
      `the server read only ${serverTokens} of about ${ourTokens} prompt tokens, so it silently cut the prompt (num_ctx ${context} was not honoured)`,
      `check that the model supports num_ctx=${context} (git litecode doctor), or lower litecode.context`,
    );
  }
}

/** Neither the constrained call, the retry nor the permissive parser produced valid data. */
export class StructuredOutputError extends RefusalError {
  constructor(
    readonly schemaName: string,
    readonly reason: string,
    readonly rawReply: string,
  ) {
    super(
      `the model did not return a valid ${schemaName} (${reason.slice(0, 160)}); its reply began: ${JSON.stringify(truncate(rawReply, 200))}`,
      'rephrase the request more concretely, or try a larger model with --model',
    );
  }
}

export class ModelTimeoutError extends ModelUnavailableError {
  constructor(readonly seconds: number) {
    super(`the model did not finish within ${seconds} s`, 'raise litecode.timeout (--timeout), or use a smaller or faster model');
  }
}

/** The caller's AbortSignal fired (Ctrl-C); nothing from this call is used. */
export class CallCancelledError extends RefusalError {
  constructor() {
    super('the model call was cancelled', 'nothing was changed; run the request again when ready');
  }
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}

/**
 * The server does not have the configured model. Names the closest installed models; suggests
 * `ollama pull` only when the name is not a near spelling of one of them (a typo would pull
 * the wrong model, or nothing).
 */
export class ModelNotFoundError extends ModelUnavailableError {
  constructor(
    readonly model: string,
    readonly where: { provider: 'ollama' | 'groq'; server: string },
    readonly available: readonly string[] | undefined,
    cause?: unknown,
  ) {
    const advice = adviseOnModelName(model, available ?? []);
    super(modelNotFoundMessage(model, where, available, advice), modelNotFoundHint(model, where.provider, advice), cause);
  }
}

function modelNotFoundMessage(model: string, where: { provider: 'ollama' | 'groq'; server: string }, available: readonly string[] | undefined, advice: ModelNameAdvice): string {
  const base = where.provider === 'ollama' ? `the model ${model} is not on the Ollama server at ${where.server}` : `Groq has no model ${model}`;
  if (advice.typo) return `${base}; did you mean ${advice.closest.join(' or ')}?`;
  if (where.provider === 'ollama' && available !== undefined && available.length === 0) return `${base} (no models are pulled yet)`;
  return advice.closest.length > 0 ? `${base} (closest: ${advice.closest.join(', ')})` : base;
}

function modelNotFoundHint(model: string, provider: 'ollama' | 'groq', advice: ModelNameAdvice): string {
  if (advice.typo) return `use --model ${advice.closest[0]}, or set it with git config litecode.model ${advice.closest[0]}`;
  if (provider === 'groq') return 'choose one listed at console.groq.com/docs/models (or by git litecode doctor) with --model';
  return `run \`ollama pull ${model}\`, or choose an installed model with --model (ollama list shows them)`;
}
