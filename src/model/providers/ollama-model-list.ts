import type { Settings } from '../../config/setting-types.js';
import { nodeHttpFetch } from './node-http-fetch.js';

/**
 * GET /api/tags: the models pulled on the Ollama server. Over node:http like the chat calls,
 * so a host that works for a run works here too (fetch refuses some ports outright).
 */
export async function listOllamaModels(settings: Pick<Settings, 'ollamaHost'>, timeoutMs: number): Promise<string[]> {
  const response = await nodeHttpFetch(`${settings.ollamaHost}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { models?: { name?: unknown; model?: unknown }[] };
  return (body.models ?? []).map((model) => String(model.name ?? model.model ?? '')).filter(Boolean);
}
