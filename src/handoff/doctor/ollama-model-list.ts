import type { Settings } from '../../config/setting-types.js';

/** GET /api/tags: the models pulled on the Ollama server. */
export async function listOllamaModels(settings: Settings, timeoutMs: number): Promise<string[]> {
  const response = await fetch(`${settings.ollamaHost}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { models?: { name?: unknown; model?: unknown }[] };
  return (body.models ?? []).map((model) => String(model.name ?? model.model ?? '')).filter(Boolean);
}
