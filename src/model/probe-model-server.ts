import type { Settings } from '../config/setting-types.js';
import { ModelUnavailableError } from '../errors/litecode-error.js';
import { ModelNotFoundError } from './model-errors.js';
import { connectionErrorCode, isRefusedPort, refusedPortError } from './providers/connection-error.js';
import { nodeHttpFetch } from './providers/node-http-fetch.js';
import { listOllamaModels } from './providers/ollama-model-list.js';

/**
 * Is the model server there at all? One short request, for the pre-commit hook and doctor,
 * which must never hang. Any HTTP answer counts as reachable (Groq answers 401 without a key).
 */
export async function probeModelServer(settings: Settings, timeoutMs: number): Promise<{ reachable: boolean; detail: string }> {
  const url =
    settings.provider === 'ollama'
      ? `${settings.ollamaHost}/api/version`
      : `${(settings.groqBaseUrl ?? 'https://api.groq.com').replace(/\/$/, '')}/openai/v1/models`;
  const signal = AbortSignal.timeout(timeoutMs);
  const request = () =>
    fetch(url, { signal, headers: settings.provider === 'groq' && settings.groqApiKey ? { authorization: `Bearer ${settings.groqApiKey}` } : {} });
  try {
    // A pooled connection the server has since closed fails once with UND_ERR_SOCKET: try a fresh one.
    const response = await request().catch((error: unknown) => (connectionErrorCode(error) === 'UND_ERR_SOCKET' ? request() : Promise.reject(error)));
    const body = await response.text().catch(() => '');
    if (settings.provider === 'ollama') {
      const version = safeJson(body)?.version;
      return { reachable: true, detail: response.ok ? `Ollama ${version ?? '(unknown version)'} at ${settings.ollamaHost}` : `Ollama at ${settings.ollamaHost} answered HTTP ${response.status}` };
    }
    if (response.status === 401) return { reachable: true, detail: 'Groq is reachable but GROQ_API_KEY is missing or invalid' };
    return { reachable: true, detail: `Groq answered HTTP ${response.status}` };
  } catch (error) {
    const timedOut = (error as { name?: string }).name === 'TimeoutError';
    const where = settings.provider === 'ollama' ? `Ollama at ${settings.ollamaHost}` : 'Groq';
    if (timedOut) return { reachable: false, detail: `${where} did not answer within ${timeoutMs} ms` };
    const code = connectionErrorCode(error);
    if (code === 'ECONNREFUSED' && settings.provider === 'ollama') return { reachable: false, detail: `Ollama is not running at ${settings.ollamaHost}` };
    return { reachable: false, detail: `cannot reach ${where}${code ? ` (${code})` : ''}` };
  }
}

export interface OllamaModelDescription {
  /** From model_info `<architecture>.context_length`; undefined when the server does not say. */
  contextLength?: number;
  family?: string;
  parameterSize?: string;
}

/**
 * POST /api/show for the configured model. Throws ModelUnavailableError when the server is
 * down or the model is not pulled.
 */
export async function describeOllamaModel(settings: Settings, timeoutMs = 10_000): Promise<OllamaModelDescription> {
  let response: Response;
  try {
    response = await nodeHttpFetch(`${settings.ollamaHost}/api/show`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // `name` for servers older than the `model` field.
      body: JSON.stringify({ model: settings.model, name: settings.model }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (connectionErrorCode(error) === 'ECONNREFUSED') {
      throw new ModelUnavailableError(`Ollama is not running at ${settings.ollamaHost}`, 'start it with `ollama serve`, or set GROQ_API_KEY and use --provider groq', error);
    }
    throw new ModelUnavailableError(`cannot reach Ollama at ${settings.ollamaHost}`, 'check --host / OLLAMA_HOST and that `ollama serve` is running', error);
  }
  const body = safeJson(await response.text().catch(() => ''));
  if (response.status === 404) {
    const installed = await listOllamaModels(settings, 2000).catch(() => undefined);
    throw new ModelNotFoundError(settings.model, { provider: 'ollama', server: settings.ollamaHost }, installed);
  }
  if (!response.ok) {
    throw new ModelUnavailableError(`Ollama at ${settings.ollamaHost} answered HTTP ${response.status}: ${String(body?.error ?? '').slice(0, 200)}`, 'check the Ollama server log (ollama serve)');
  }
  const modelInfo = (body?.model_info ?? {}) as Record<string, unknown>;
  const contextKey = Object.keys(modelInfo).find((key) => key.endsWith('.context_length'));
  const contextLength = contextKey === undefined ? undefined : Number(modelInfo[contextKey]);
  const details = (body?.details ?? {}) as Record<string, unknown>;
  return {
    ...(contextLength !== undefined && Number.isFinite(contextLength) && contextLength > 0 ? { contextLength } : {}),
    ...(typeof details.family === 'string' ? { family: details.family } : {}),
    ...(typeof details.parameter_size === 'string' ? { parameterSize: details.parameter_size } : {}),
  };
}

function safeJson(text: string): Record<string, any> | undefined {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export type GroqModelList =
  | { kind: 'listed'; models: string[] }
  | { kind: 'key-rejected' }
  | { kind: 'http-error'; status: number; url: string }
  | { kind: 'unreachable'; detail: string; hint: string };

/**
 * GET /openai/v1/models with the key: proves the base URL is Groq's API (a 404 means it is
 * not), that the key works, and which model ids exist. For doctor, within `timeoutMs`.
 */
export async function listGroqModels(settings: Settings, timeoutMs: number): Promise<GroqModelList> {
  const base = (settings.groqBaseUrl ?? 'https://api.groq.com').replace(/\/$/, '');
  const url = `${base}/openai/v1/models`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: settings.groqApiKey ? { authorization: `Bearer ${settings.groqApiKey}` } : {} });
  } catch (error) {
    if (isRefusedPort(error)) {
      const refused = refusedPortError('Groq', base);
      return { kind: 'unreachable', detail: refused.message, hint: refused.hint ?? '' };
    }
    if ((error as { name?: string }).name === 'TimeoutError') return { kind: 'unreachable', detail: `Groq at ${base} did not answer within ${timeoutMs} ms`, hint: 'check your network connection' };
    const code = connectionErrorCode(error);
    return { kind: 'unreachable', detail: `cannot reach Groq at ${base}${code ? ` (${code})` : ''}`, hint: 'check your network connection and GROQ_BASE_URL' };
  }
  const body = safeJson(await response.text().catch(() => ''));
  if (response.status === 401) return { kind: 'key-rejected' };
  if (!response.ok) return { kind: 'http-error', status: response.status, url };
  const data: unknown[] = Array.isArray(body?.data) ? body.data : [];
  return { kind: 'listed', models: data.map((entry) => String((entry as { id?: unknown })?.id ?? '')).filter(Boolean) };
}
