import { nodeHttpFetch } from './node-http-fetch.js';

/**
 * The fetch the ollama client uses: node:http without Node fetch's 300 s header limit; it
 * stops on our signal (Ctrl-C, total timeout) from the first byte; and it turns a non-JSON
 * error body into JSON, because the client otherwise prints "Getting text from response" on
 * stdout, which would break `--json`.
 */
export function ollamaFetch(signal: AbortSignal): typeof fetch {
  return async (input, init) => {
    const combined = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    const response = await nodeHttpFetch(input, { ...init, signal: combined });
    if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
    const text = await response.text().catch(() => '');
    return new Response(JSON.stringify({ error: text.trim() || response.statusText || `HTTP ${response.status}` }), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    });
  };
}
