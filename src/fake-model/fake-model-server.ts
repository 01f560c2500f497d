import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { takeScriptedReply, type RecordedRequest, type Script, type ScriptedReply } from './scripted-reply.js';
import { chunksOf, ollamaChunk, ollamaFinal, openAiChunk, openAiCompletion, replyShape } from './wire-formats.js';

export type { RecordedRequest, Script, ScriptedFailure, ScriptedReply } from './scripted-reply.js';

export interface FakeModel {
  name: string;
  contextLength?: number;
}

export interface FakeModelServer {
  /** http://127.0.0.1:<port>: OLLAMA_HOST and GROQ_BASE_URL both point here. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Scripted replies not used yet. */
  remaining(): number;
  close(): Promise<void>;
}

const chatPaths = new Set(['/api/chat', '/openai/v1/chat/completions']);

/**
 * A scripted model server on 127.0.0.1 speaking Ollama's /api/chat (NDJSON stream and plain),
 * /api/tags, /api/show, /api/version, and Groq's /openai/v1/chat/completions (SSE and plain).
 * Calls are told apart by the x-litecode-purpose header the client sends, or by order.
 */
export async function startFakeModelServer(script: Script, options: { models?: FakeModel[] } = {}): Promise<FakeModelServer> {
  const queue = Array.isArray(script) ? script.map((reply) => ({ reply, used: false })) : undefined;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((incoming, response) => {
    void handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: `fake model server failed: ${String(error)}` });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;
    const bodyText = await readBody(incoming);
    let body: any = undefined;
    try {
      body = bodyText ? JSON.parse(bodyText) : undefined;
    } catch {
      body = bodyText;
    }
    const recorded: RecordedRequest = { path, method: incoming.method ?? 'GET', body, headers: incoming.headers, ...purposeOf(incoming, body) };
    requests.push(recorded);

    if (path === '/api/version') return sendJson(response, 200, { version: '0.12.6' });
    if (path === '/api/tags') return sendJson(response, 200, { models: (options.models ?? []).map(tagEntry) });
    if (path === '/api/show') return show(response, body);
    if (path === '/openai/v1/models') return sendJson(response, 200, { object: 'list', data: (options.models ?? []).map((model) => ({ id: model.name, object: 'model' })) });
    if (!chatPaths.has(path)) return sendJson(response, 404, { error: `fake model server: no route ${path}` });

    const reply = queue ? takeScriptedReply(queue, recorded) : (script as (request: RecordedRequest) => ScriptedReply)(recorded);
    if (!reply) return sendJson(response, 500, { error: `fake model server: no scripted reply left for this ${recorded.purpose ?? ''} request` });
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (path === '/api/chat') return ollamaChat(response, reply, body);
    return openAiChat(response, reply, body);
  }

  function show(response: ServerResponse, body: any): void {
    const name = String(body?.model ?? body?.name ?? '');
    const known = options.models?.find((model) => model.name === name || model.name === `${name}:latest`);
    if (options.models && !known) return sendJson(response, 404, { error: `model '${name}' not found` });
    const contextLength = known?.contextLength ?? 32768;
    sendJson(response, 200, {
      modelfile: '',
      parameters: '',
      template: '',
      details: { format: 'gguf', family: 'qwen2', parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
      model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': contextLength },
    });
  }

  function ollamaChat(response: ServerResponse, reply: ScriptedReply, body: any): void {
    const model = String(body?.model ?? 'fake');
    if (reply.failure === 'http-404') return sendJson(response, 404, { error: `model "${model}" not found, try pulling it first` });
    if (reply.failure === 'http-401') return sendJson(response, 401, { error: 'unauthorized' });
    if (reply.failure === 'http-429') return sendJson(response, 429, { error: 'too many requests' }, retryAfter(reply));
    if (reply.failure === 'http-500') return sendText(response, 500, 'fake internal server error');
    const shape = replyShape(reply, body);
    if (body?.stream === false) {
      if (reply.failure === 'stall') return;
      if (reply.failure === 'drop-connection') return void response.socket?.destroy();
      return sendJson(response, 200, ollamaFinal(model, shape, shape.content));
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const chunks = chunksOf(shape.content);
    if (reply.failure === 'stall' || reply.failure === 'drop-connection') {
      response.write(ollamaChunk(model, chunks[0] ?? '{'));
      if (reply.failure === 'drop-connection') setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    response.write(chunks.map((chunk) => ollamaChunk(model, chunk)).join(''));
    response.end(`${JSON.stringify(ollamaFinal(model, shape, ''))}\n`);
  }

  function openAiChat(response: ServerResponse, reply: ScriptedReply, body: any): void {
    const model = String(body?.model ?? 'fake');
    const apiError = (status: number, message: string, code: string, headers?: Record<string, string>) =>
      sendJson(response, status, { error: { message, type: 'invalid_request_error', code } }, headers);
    if (reply.failure === 'http-404') return apiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'model_not_found');
    if (reply.failure === 'http-401') return apiError(401, 'Invalid API Key', 'invalid_api_key');
    if (reply.failure === 'http-429') return apiError(429, `Rate limit reached for model \`${model}\``, 'rate_limit_exceeded', retryAfter(reply));
    if (reply.failure === 'http-500') return sendText(response, 500, 'fake internal server error');
    const shape = replyShape(reply, body);
    if (!body?.stream) {
      if (reply.failure === 'stall') return;
      if (reply.failure === 'drop-connection') return void response.socket?.destroy();
      return sendJson(response, 200, openAiCompletion(model, shape));
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunks = chunksOf(shape.content);
    response.write(openAiChunk(model, { role: 'assistant', content: '' }, null));
    if (reply.failure === 'stall' || reply.failure === 'drop-connection') {
      response.write(openAiChunk(model, { content: chunks[0] ?? '{' }, null));
      if (reply.failure === 'drop-connection') setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    for (const chunk of chunks) response.write(openAiChunk(model, { content: chunk }, null));
    const usage = { prompt_tokens: shape.promptTokens, completion_tokens: shape.completionTokens, total_tokens: shape.promptTokens + shape.completionTokens };
    response.write(openAiChunk(model, {}, shape.stoppedAtLimit ? 'length' : 'stop', usage));
    response.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    remaining: () => (queue ? queue.filter((entry) => !entry.used).length : 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function purposeOf(incoming: IncomingMessage, body: any): { purpose?: string } {
  const header = incoming.headers['x-litecode-purpose'];
  if (typeof header === 'string' && header) return { purpose: header };
  const marker = /\[purpose:([a-z-]+)\]/.exec(JSON.stringify(body?.messages ?? ''));
  return marker ? { purpose: marker[1]! } : {};
}

function tagEntry(model: FakeModel) {
  return { name: model.name, model: model.name, modified_at: new Date(0).toISOString(), size: 4_700_000_000, digest: 'fake', details: { family: 'qwen2', parameter_size: '7.6B' } };
}

function retryAfter(reply: ScriptedReply): Record<string, string> {
  return { 'retry-after': String(reply.retryAfterSeconds ?? 1) };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => (text += chunk));
    incoming.on('end', () => resolve(text));
    incoming.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(value));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
