import type { Settings } from '../../config/setting-types.js';
import { ModelUnavailableError } from '../../errors/litecode-error.js';
import { ModelNotFoundError } from '../model-errors.js';
import { connectionErrorCode } from './connection-error.js';
import { listOllamaModels } from './ollama-model-list.js';
import type { ModelProvider, ProviderReply, ProviderRequest } from './model-provider.js';
import { purposeHeader } from './model-provider.js';
import { firstLine } from './server-message.js';
import { ollamaFetch } from './ollama-fetch.js';

/** A low temperature: the agent wants the most likely edit, not a creative one. */
const temperature = 0.1;

/**
 * Ollama's native /api/chat, streamed (the client's non-streaming calls die at Node's 300 s
 * header timeout), with num_ctx, num_predict and keep_alive on every request: /v1 ignores
 * num_ctx and the server's 2k–4k default then silently cuts the prompt.
 */
export class OllamaProvider implements ModelProvider {
  constructor(private readonly settings: Settings) {}

  structuredMode(): 'constrained' {
    return 'constrained';
  }

  async send(request: ProviderRequest): Promise<ProviderReply> {
    const { Ollama } = await import('ollama');
    const client = new Ollama({
      host: this.settings.ollamaHost,
      headers: { [purposeHeader]: request.purpose },
      fetch: ollamaFetch(request.signal),
    });
    try {
      const stream = await client.chat({
        model: this.settings.model,
        messages: request.messages,
        stream: true,
        keep_alive: keepAliveValue(this.settings.keepAlive),
        ...(request.structured ? { format: request.structured.jsonSchema } : {}),
        options: { num_ctx: this.settings.context, num_predict: request.outputReserve, temperature },
      });
      let text = '';
      let chunks = 0;
      for await (const chunk of stream) {
        text += chunk.message?.content ?? '';
        chunks += 1;
        if (chunk.done) {
          return {
            text,
            doneReason: chunk.done_reason ?? 'stop',
            serverPromptTokens: positiveOrUndefined(chunk.prompt_eval_count),
            completionTokens: positiveOrUndefined(chunk.eval_count),
          };
        }
        request.onProgress(chunks);
      }
      throw new Error('Did not receive done or success response in stream.');
    } catch (error) {
      throw await this.translate(error, request.signal);
    }
  }

  private async translate(error: unknown, signal: AbortSignal): Promise<unknown> {
    // The caller names aborts (Ctrl-C or timeout); a provider cannot tell them apart.
    if (signal.aborted) return error;
    const host = this.settings.ollamaHost;
    const model = this.settings.model;
    const status = (error as { status_code?: unknown }).status_code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof status === 'number') {
      if (status === 404 && /not found|pull/i.test(message)) {
        const installed = await listOllamaModels(this.settings, 2000).catch(() => undefined);
        return new ModelNotFoundError(model, { provider: 'ollama', server: host }, installed, error);
      }
      return new ModelUnavailableError(`Ollama at ${host} answered HTTP ${status}: ${firstLine(message)}`, 'check the Ollama server log (ollama serve)', error);
    }
    const code = connectionErrorCode(error);
    if (code === 'ECONNREFUSED') {
      return new ModelUnavailableError(`Ollama is not running at ${host}`, 'start it with `ollama serve`, or set GROQ_API_KEY and use --provider groq', error);
    }
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || /did not receive done|^terminated$|^aborted$/i.test(message)) {
      return new ModelUnavailableError(`the connection to Ollama at ${host} closed before the reply finished`, 'check the Ollama server log; it may have run out of memory', error);
    }
    if (code) return new ModelUnavailableError(`cannot reach Ollama at ${host} (${code})`, 'check --host / OLLAMA_HOST and that `ollama serve` is running', error);
    return new ModelUnavailableError(`Ollama at ${host} reported an error: ${firstLine(message)}`, 'check the Ollama server log (ollama serve)', error);
  }
}

function keepAliveValue(keepAlive: string): string | number {
  // Ollama parses strings as Go durations, which need a unit; bare numbers are seconds.
  return /^-?\d+$/.test(keepAlive) ? Number(keepAlive) : keepAlive;
}

function positiveOrUndefined(value: number | undefined): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}
