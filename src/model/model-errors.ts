import { ModelUnavailableError, RefusalError } from '../errors/litecode-error.js';

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
