import type { Settings } from '../../config/setting-types.js';
import { ModelUnavailableError } from '../../errors/litecode-error.js';
import { ModelNotFoundError } from '../model-errors.js';
import { listGroqModels } from '../probe-model-server.js';
import { abortableSleep } from './abortable-sleep.js';
import { connectionErrorCode, errorClassName, isRefusedPort, refusedPortError } from './connection-error.js';
import { groqStructuredCapability, isStrictCompatible } from './groq-structured-capability.js';
import type { ModelProvider, ProviderReply, ProviderRequest } from './model-provider.js';
import { purposeHeader } from './model-provider.js';
import { firstLine } from './server-message.js';

const temperature = 0.1;
/** Waits longer than this are not worth sitting through: say so and stop. */
const longestRateLimitWaitSeconds = 90;
const rateLimitRetries = 3;

/** Groq's OpenAI-style chat completions through groq-sdk; retries are ours, not the SDK's. */
export class GroqProvider implements ModelProvider {
  constructor(private readonly settings: Settings) {}

  structuredMode(): 'constrained' | 'json-object' | 'prompted' {
    const capability = groqStructuredCapability(this.settings.model);
    return capability.mode === 'json-schema' ? 'constrained' : capability.mode;
  }

  async send(request: ProviderRequest): Promise<ProviderReply> {
    const apiKey = this.settings.groqApiKey;
    if (!apiKey) throw missingKey();
    const { Groq } = await import('groq-sdk');
    const client = new Groq({
      apiKey,
      ...(this.settings.groqBaseUrl ? { baseURL: this.settings.groqBaseUrl } : {}),
      maxRetries: 0,
      // Our own signal carries the total timeout; the SDK's own is only a backstop.
      timeout: this.settings.timeoutSeconds * 1000 + 5000,
      logLevel: 'off',
    });
    for (let attempt = 1; ; attempt++) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: this.settings.model,
            messages: request.messages,
            temperature,
            max_completion_tokens: request.outputReserve,
            stream: false,
            ...(request.structured ? { response_format: this.responseFormat(request.structured) } : {}),
          },
          { signal: request.signal, headers: { [purposeHeader]: request.purpose } },
        );
        const choice = completion.choices[0];
        return {
          text: choice?.message?.content ?? '',
          doneReason: choice?.finish_reason ?? 'stop',
          serverPromptTokens: completion.usage?.prompt_tokens || undefined,
          completionTokens: completion.usage?.completion_tokens || undefined,
        };
      } catch (error) {
        if (request.signal.aborted) throw error;
        const status = (error as { status?: unknown }).status;
        if (status === 429 && attempt <= rateLimitRetries) {
          const waitSeconds = retryAfterSeconds((error as { headers?: Headers }).headers, attempt);
          if (waitSeconds <= longestRateLimitWaitSeconds) {
            request.onRateLimited?.(waitSeconds, attempt);
            await abortableSleep(waitSeconds * 1000, request.signal);
            continue;
          }
        }
        throw await this.translate(error);
      }
    }
  }

  private responseFormat(structured: NonNullable<ProviderRequest['structured']>) {
    const capability = groqStructuredCapability(this.settings.model);
    if (capability.mode === 'json-schema') {
      return {
        type: 'json_schema' as const,
        json_schema: {
          name: structured.schemaName.replace(/[^A-Za-z0-9_-]/g, '_'),
          schema: structured.jsonSchema,
          strict: capability.strict && isStrictCompatible(structured.jsonSchema),
        },
      };
    }
    if (capability.mode === 'json-object') return { type: 'json_object' as const };
    return undefined;
  }

  private async translate(error: unknown): Promise<unknown> {
    const status = (error as { status?: unknown }).status;
    const message = (error as { message?: string }).message ?? String(error);
    const where = this.settings.groqBaseUrl ?? 'api.groq.com';
    if (status === 401) return missingKey(error);
    if (status === 429) {
      const waitSeconds = retryAfterSeconds((error as { headers?: Headers }).headers, rateLimitRetries);
      return new ModelUnavailableError(`Groq's rate limit is reached (retry after ${waitSeconds} s)`, 'wait and run again, or use --provider ollama', error);
    }
    if (status === 404) {
      // Name the closest ids Groq has; without the list, the error still says what is wrong.
      const listed = await listGroqModels(this.settings, 2000).catch(() => undefined);
      if (listed?.kind === 'http-error' && listed.status === 404) {
        return new ModelUnavailableError(`${where} answered HTTP 404 for Groq's API paths, so it is not Groq's API`, 'check GROQ_BASE_URL / litecode.groqBaseUrl (unset it to use https://api.groq.com)', error);
      }
      return new ModelNotFoundError(this.settings.model, { provider: 'groq', server: where }, listed?.kind === 'listed' ? listed.models : undefined, error);
    }
    if (typeof status === 'number') return new ModelUnavailableError(`Groq answered HTTP ${status}: ${firstLine(message)}`, 'try again later, or use --provider ollama', error);
    const name = errorClassName(error);
    if (isRefusedPort(error)) return refusedPortError('Groq', where, error);
    if (name === 'APIConnectionTimeoutError') {
      return new ModelUnavailableError(`Groq at ${where} did not answer in time`, 'check your connection, or raise litecode.timeout', error);
    }
    const code = connectionErrorCode(error);
    if (name === 'APIConnectionError' || code) {
      return new ModelUnavailableError(`cannot reach Groq at ${where}${code ? ` (${code})` : ''}`, 'check your network connection and GROQ_BASE_URL', error);
    }
    return error;
  }
}

function missingKey(cause?: unknown): ModelUnavailableError {
  return new ModelUnavailableError('GROQ_API_KEY is missing or invalid', 'set GROQ_API_KEY to a key from https://console.groq.com/keys, or use --provider ollama', cause);
}

function retryAfterSeconds(headers: Headers | undefined, attempt: number): number {
  const milliseconds = Number(headers?.get?.('retry-after-ms'));
  if (Number.isFinite(milliseconds) && milliseconds > 0) return Math.ceil(milliseconds / 100) / 10;
  const header = headers?.get?.('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return 2 ** attempt;
}
