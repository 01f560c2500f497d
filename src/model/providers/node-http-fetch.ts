import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/**
 * A minimal fetch over node:http for the Ollama client. Node's built-in fetch gives up when
 * response headers take more than 300 s, and Ollama sends its first header only after loading
 * the model and reading the whole prompt, which on a laptop CPU can take longer. Here the only
 * limits are our own total timeout and Ctrl-C, both through `init.signal`.
 */
export const nodeHttpFetch: typeof fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body ?? undefined;
    if (body !== undefined && typeof body !== 'string') throw new TypeError('nodeHttpFetch sends string bodies only');
    const outgoing = send(
      url,
      { method: init?.method ?? 'GET', headers, ...(init?.signal ? { signal: init.signal } : {}) },
      (incoming) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = incoming.statusCode ?? 500;
        const hasBody = status !== 204 && status !== 304 && init?.method !== 'HEAD';
        resolve(
          new Response(hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null, {
            status,
            statusText: incoming.statusMessage ?? '',
            headers: responseHeaders,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
