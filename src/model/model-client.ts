import { z } from 'zod';
import type { Settings } from '../config/setting-types.js';
import { UsageError } from '../errors/litecode-error.js';
import type { Repository } from '../git/repository.js';
import { readCalibration, recordCalibration } from './calibration.js';
import {
  CallCancelledError,
  ModelTimeoutError,
  PromptTooLargeError,
  ServerTruncatedPromptError,
  StructuredOutputError,
  UnusableReplyError,
} from './model-errors.js';
import type {
  CallPurpose,
  ChatMessage,
  ModelClient,
  ModelEvent,
  ParseStep,
  StructuredReply,
  StructuredRequest,
  TextReply,
  TextRequest,
  TokenBudget,
} from './model-types.js';
import { describeOllamaModel } from './probe-model-server.js';
import { GroqProvider } from './providers/groq-provider.js';
import type { ModelProvider, ProviderRequest } from './providers/model-provider.js';
import { OllamaProvider } from './providers/ollama-provider.js';
import { replyProblem } from './reply-checks.js';
import { retryInstruction, withSchemaInstruction } from './structured-instructions.js';
import { parsePermissive, parseStrict } from './structured-reply-parser.js';
import { countMessagesRaw, messagesTokensAtMost, perMessageOverhead } from './token-counter.js';
import { calibratedMargin } from './token-margin.js';
import { appendTranscript, type TranscriptRecord } from './transcript.js';

export type * from './model-types.js';
export { newRunId } from './run-id.js';
export { describeOllamaModel, probeModelServer, type OllamaModelDescription } from './probe-model-server.js';
export { readTranscript, type TranscriptRecord } from './transcript.js';

/** How often (in streamed chunks) a progress event goes out. */
const progressEvery = 16;

interface Exchange {
  purpose: CallPurpose;
  messages: ChatMessage[];
  outputReserve?: number;
  structured?: ProviderRequest['structured'];
  signal?: AbortSignal;
}

interface ExchangeResult {
  reply: TextReply;
  record: TranscriptRecord;
  /** Emits call-end once the caller has judged the reply (structured calls parse it first). */
  end(outcome?: { parseStep?: ParseStep; error?: string }): void;
}

export async function createModelClient(options: {
  settings: Settings;
  repository?: Repository;
  runId: string;
  onEvent?: (event: ModelEvent) => void;
  /** Aborts every call of this client (Ctrl-C), in addition to each request's own signal. */
  signal?: AbortSignal;
}): Promise<ModelClient> {
  const { settings, repository, runId } = options;
  const emit = options.onEvent ?? (() => {});
  const provider: ModelProvider = settings.provider === 'ollama' ? new OllamaProvider(settings) : new GroqProvider(settings);
  const calibrationKey = `${settings.provider}:${settings.model}`;
  const calibration = repository ? (await readCalibration(repository)).models[calibrationKey] : undefined;
  const budget: TokenBudget = {
    context: settings.context,
    outputReserve: settings.outputReserve,
    promptLimit: settings.context - settings.outputReserve,
    margin: calibratedMargin(settings.model, calibration),
  };
  const secrets = settings.groqApiKey ? [settings.groqApiKey] : [];
  let modelChecked: Promise<void> | undefined;
  let cacheWarm = false;

  const countPromptTokens = async (messages: ChatMessage[]) => Math.ceil((await countMessagesRaw(messages)) * budget.margin);
  // The same formula over a count that is never smaller (UTF-8 bytes), so anything it admits, the exact count admits too.
  const promptTokensAtMost = (messages: ChatMessage[]) => Math.ceil(messagesTokensAtMost(messages) * budget.margin);
  const messageTokensAtMost = (utf8Bytes: number) => Math.ceil((utf8Bytes + perMessageOverhead) * budget.margin);

  /** Ollama only: the model is pulled and supports the configured context. Once per client. */
  const checkModel = (): Promise<void> => {
    if (settings.provider !== 'ollama') return Promise.resolve();
    modelChecked ??= describeOllamaModel(settings).then((description) => {
      if (description.contextLength !== undefined && settings.context > description.contextLength) {
        throw new UsageError(
          `the context setting (${settings.context}) is larger than ${settings.model} supports (${description.contextLength})`,
          `set --context ${description.contextLength} or less (git config litecode.context ${description.contextLength})`,
        );
      }
    });
    modelChecked.catch(() => (modelChecked = undefined));
    return modelChecked;
  };

  /**
   * The only way a request leaves this process: count the whole prompt, refuse what does not
   * fit, send with a total timeout, check the reply, calibrate, and describe the call.
   */
  const exchange = async (call: Exchange, records: TranscriptRecord[]): Promise<ExchangeResult> => {
    const outputReserve = call.outputReserve ?? budget.outputReserve;
    if (!Number.isInteger(outputReserve) || outputReserve < 1 || outputReserve >= budget.context) {
      throw new UsageError(`an output reserve of ${outputReserve} tokens does not fit a context of ${budget.context}`, 'this is a bug in the caller; report it');
    }
    const promptLimit = budget.context - outputReserve;
    const ourRawTokens = await countMessagesRaw(call.messages);
    const promptTokens = Math.ceil(ourRawTokens * budget.margin);
    if (promptTokens > promptLimit) throw new PromptTooLargeError(promptTokens, promptLimit, budget.context);
    const cancel = [call.signal, options.signal].filter((signal) => signal !== undefined);
    if (cancel.some((signal) => signal.aborted)) throw new CallCancelledError();
    await checkModel();

    const callBudget: TokenBudget = { ...budget, outputReserve, promptLimit };
    emit({ type: 'call-start', purpose: call.purpose, promptTokens, budget: callBudget, provider: settings.provider, model: settings.model });
    const timeout = AbortSignal.timeout(settings.timeoutSeconds * 1000);
    const signal = AbortSignal.any([...cancel, timeout]);
    const started = Date.now();
    let firstChunkAt: number | undefined;
    const record: TranscriptRecord = {
      time: new Date(started).toISOString(),
      runId,
      provider: settings.provider,
      model: settings.model,
      purpose: call.purpose,
      messages: call.messages,
      reply: null,
      doneReason: null,
      tokens: { ours: promptTokens, server: null, completion: null },
      budget: { context: callBudget.context, outputReserve, promptLimit, margin: budget.margin },
      durationMs: 0,
      parseStep: null,
      error: null,
    };
    records.push(record);
    const finish = (outcome: { parseStep?: ParseStep; error?: string } = {}) => {
      record.durationMs ||= Date.now() - started;
      if (outcome.error) record.error = outcome.error;
      if (outcome.parseStep) record.parseStep = outcome.parseStep;
      emit({
        type: 'call-end',
        purpose: call.purpose,
        promptTokens,
        ...(record.tokens.server !== null ? { serverPromptTokens: record.tokens.server } : {}),
        ...(record.tokens.completion !== null ? { completionTokens: record.tokens.completion } : {}),
        durationMs: record.durationMs,
        ...(record.doneReason !== null ? { doneReason: record.doneReason } : {}),
        ...(outcome.parseStep ? { parseStep: outcome.parseStep } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    };

    let providerReply;
    try {
      providerReply = await provider.send({
        purpose: call.purpose,
        messages: call.messages,
        outputReserve,
        ...(call.structured ? { structured: call.structured } : {}),
        signal,
        onProgress: (completionTokens) => {
          firstChunkAt ??= Date.now();
          if (completionTokens % progressEvery !== 0) return;
          const seconds = Math.max(0.001, (Date.now() - firstChunkAt) / 1000);
          emit({ type: 'progress', purpose: call.purpose, completionTokens, tokensPerSecond: Math.round((completionTokens / seconds) * 10) / 10 });
        },
        onRateLimited: (waitSeconds, attempt) => emit({ type: 'rate-limited', waitSeconds, attempt }),
      });
    } catch (error) {
      const named = cancel.some((cancelled) => cancelled.aborted) ? new CallCancelledError() : timeout.aborted ? new ModelTimeoutError(settings.timeoutSeconds) : error;
      finish({ error: named instanceof Error ? named.message : String(named) });
      throw named;
    }

    record.reply = providerReply.text;
    record.doneReason = providerReply.doneReason;
    record.tokens.server = providerReply.serverPromptTokens ?? null;
    record.tokens.completion = providerReply.completionTokens ?? null;
    // Ollama leaves tokens it reused from its prompt cache out of prompt_eval_count, and every call
    // after the first shares a prefix with an earlier one: only the first count is comparable.
    const serverCountComparable = !cacheWarm;
    cacheWarm = true;
    const problem = replyProblem(providerReply, { ourRawTokens, context: budget.context, outputReserve, structured: call.structured !== undefined, serverCountComparable });
    if (repository && serverCountComparable && providerReply.serverPromptTokens !== undefined && !(problem instanceof ServerTruncatedPromptError)) {
      const updated = await recordCalibration(repository, calibrationKey, providerReply.serverPromptTokens, ourRawTokens).catch(() => undefined);
      if (updated) budget.margin = calibratedMargin(settings.model, updated.models[calibrationKey]);
    }
    record.durationMs = Date.now() - started;
    if (problem) {
      finish({ error: problem.message });
      throw problem;
    }
    const reply: TextReply = {
      text: providerReply.text,
      doneReason: providerReply.doneReason,
      promptTokens,
      ...(providerReply.serverPromptTokens !== undefined ? { serverPromptTokens: providerReply.serverPromptTokens } : {}),
      ...(providerReply.completionTokens !== undefined ? { completionTokens: providerReply.completionTokens } : {}),
      durationMs: record.durationMs,
    };
    return { reply, record, end: finish };
  };

  const flush = async (records: TranscriptRecord[]) => {
    if (repository) await appendTranscript(repository, records, secrets).catch(() => undefined);
  };

  const completeText = async (request: TextRequest): Promise<TextReply> => {
    const records: TranscriptRecord[] = [];
    try {
      const result = await exchange({ ...request }, records);
      result.end();
      return result.reply;
    } finally {
      await flush(records);
    }
  };

  const completeStructured = async <T>(request: StructuredRequest<T>): Promise<StructuredReply<T>> => {
    const records: TranscriptRecord[] = [];
    const jsonSchema = z.toJSONSchema(request.schema, { unrepresentable: 'any' }) as Record<string, unknown>;
    const mode = provider.structuredMode();
    const messages = mode === 'constrained' ? request.messages : withSchemaInstruction(request.messages, jsonSchema, request.schemaName);
    const structured = { jsonSchema, schemaName: request.schemaName };
    /** Replies complete enough for the permissive parser, newest first. */
    const candidates: Array<{ raw: string; record: TranscriptRecord }> = [];
    let lastReason = 'no reply';
    let lastRaw = '';

    const attempt = async (attemptMessages: ChatMessage[], step: 'constrained' | 'retry'): Promise<StructuredReply<T> | undefined> => {
      let result: ExchangeResult;
      try {
        result = await exchange({ purpose: request.purpose, messages: attemptMessages, structured, ...(request.signal ? { signal: request.signal } : {}) }, records);
      } catch (error) {
        if (!(error instanceof UnusableReplyError)) throw error;
        lastReason = error.message;
        lastRaw = records.at(-1)?.reply ?? '';
        return undefined;
      }
      const raw = result.reply.text;
      lastRaw = raw;
      const parsed = parseStrict(raw, request.schema);
      if (parsed.ok) {
        result.end({ parseStep: step });
        return { value: parsed.value, parseStep: step, raw };
      }
      result.end({ error: `invalid ${request.schemaName}: ${parsed.error}` });
      lastReason = parsed.error;
      candidates.unshift({ raw, record: result.record });
      return undefined;
    };

    try {
      const first = await attempt(messages, 'constrained');
      if (first) return first;
      const retryMessages = await firstThatFits(
        [
          [...messages, retryInstruction(lastReason, jsonSchema)],
          [...messages, retryInstruction(lastReason, undefined)],
        ],
        (candidate) => fits(candidate),
      );
      if (retryMessages) {
        const retried = await attempt(retryMessages, 'retry');
        if (retried) return retried;
      }
      for (const candidate of candidates) {
        const parsed = parsePermissive(candidate.raw, request.schema);
        if (parsed.ok) {
          // The call already ended as invalid; the permissive parser rescued its reply afterwards.
          candidate.record.parseStep = 'permissive';
          candidate.record.error = null;
          return { value: parsed.value, parseStep: 'permissive', raw: candidate.raw };
        }
        lastReason = parsed.error;
      }
      throw new StructuredOutputError(request.schemaName, lastReason, lastRaw);
    } finally {
      await flush(records);
    }
  };

  /** The byte bound answers most questions; the tokenizer loads only when the prompt is near the limit. */
  const fits = async (messages: ChatMessage[], outputReserve?: number) => {
    const limit = budget.context - (outputReserve ?? budget.outputReserve);
    if (promptTokensAtMost(messages) <= limit) return true;
    return (await countPromptTokens(messages)) <= limit;
  };

  return {
    provider: settings.provider,
    model: settings.model,
    budget,
    parallelism: settings.provider === 'ollama' ? 1 : Math.max(1, settings.parallel),
    countPromptTokens,
    promptTokensAtMost,
    messageTokensAtMost,
    fits,
    completeText,
    completeStructured,
  };
}

async function firstThatFits<T>(options: T[], fits: (option: T) => Promise<boolean>): Promise<T | undefined> {
  for (const option of options) if (await fits(option)) return option;
  return undefined;
}
