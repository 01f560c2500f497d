import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ModelUnavailableError } from '../../src/errors/litecode-error.js';
import { createModelClient } from '../../src/model/model-client.js';
import {
  BinaryReplyError,
  CallCancelledError,
  EmptyReplyError,
  ModelTimeoutError,
  ReplyOverReserveError,
  ServerTruncatedPromptError,
  TruncatedReplyError,
} from '../../src/model/model-errors.js';
import { startFakeModel } from '../support/fake-model.js';
import { makeRepository, useHermeticProcessEnv } from './model-test-repository.js';
import { promptlyMs } from '../support/timing.js';

const env = useHermeticProcessEnv();
const question = [
  { role: 'system' as const, content: 'You are a careful coding assistant.' },
  { role: 'user' as const, content: 'What does fetchUser return?' },
];

/** Runs `body` with everything written to stdout captured: errors must never print there. */
async function captureStdout<T>(body: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; stdout: string }> {
  const original = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { result: await body(), error: undefined, stdout };
  } catch (error) {
    return { result: undefined, error, stdout };
  } finally {
    process.stdout.write = original;
  }
}

test('sends native /api/chat with stream, num_ctx, num_predict, keep_alive and the purpose header', async () => {
  const fake = await startFakeModel([{ content: 'It returns a promise of the response.' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ context: 6144, outputReserve: 1000, keepAlive: '3m' }), runId: 'r1' });
    const reply = await client.completeText({ purpose: 'answer', messages: question });
    assert.is(reply.text, 'It returns a promise of the response.');
    assert.is(reply.doneReason, 'stop');
    assert.ok(reply.promptTokens > 0);
    const [request] = fake.chatRequests();
    assert.is(request!.path, '/api/chat');
    assert.is(request!.body.stream, true);
    assert.is(request!.body.options.num_ctx, 6144);
    assert.is(request!.body.options.num_predict, 1000);
    assert.is(request!.body.keep_alive, '3m');
    assert.is(request!.body.model, 'qwen2.5-coder:7b');
    assert.is(request!.purpose, 'answer');
    assert.is(request!.body.format, undefined);
    assert.is(client.parallelism, 1);
  } finally {
    await fake.close();
  }
});

test('done_reason length is a TruncatedReplyError, never content', async () => {
  const fake = await startFakeModel([{ content: 'export function half(', failure: 'done-length' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    const { error, stdout } = await captureStdout(() => client.completeText({ purpose: 'edit', messages: question }));
    assert.instance(error, TruncatedReplyError);
    assert.is(stdout, '');
  } finally {
    await fake.close();
  }
});

test('a prompt_eval_count far below our count is a ServerTruncatedPromptError naming num_ctx', async () => {
  const longPrompt = [{ role: 'user' as const, content: 'function line() { return 1; }\n'.repeat(300) }];
  const fake = await startFakeModel([{ content: 'ok', failure: 'low-prompt-eval', promptEvalCount: 300 }, { content: 'ok' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    try {
      await client.completeText({ purpose: 'edit', messages: longPrompt });
      assert.unreachable('should refuse');
    } catch (error) {
      assert.instance(error, ServerTruncatedPromptError);
      assert.match((error as Error).message, /num_ctx 8192/);
    }
    // A small prompt with a small count is not suspicious.
    const reply = await client.completeText({ purpose: 'answer', messages: question });
    assert.is(reply.text, 'ok');
  } finally {
    await fake.close();
  }
});

test('empty and binary replies are typed errors', async () => {
  const fake = await startFakeModel([{ content: '' }, { content: 'abc\u0000def' }, { content: '   \n' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    await client.completeText({ purpose: 'edit', messages: question }).then(
      () => assert.unreachable(),
      (error) => assert.instance(error, EmptyReplyError),
    );
    await client.completeText({ purpose: 'edit', messages: question }).then(
      () => assert.unreachable(),
      (error) => assert.instance(error, BinaryReplyError),
    );
    await client.completeText({ purpose: 'edit', messages: question }).then(
      () => assert.unreachable(),
      (error) => assert.instance(error, EmptyReplyError),
    );
  } finally {
    await fake.close();
  }
});

test('a reply longer than the output reserve is refused even if the server ignored num_predict', async () => {
  const fake = await startFakeModel([{ content: 'y'.repeat(200) }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    const error = await client.completeText({ purpose: 'edit', messages: question, outputReserve: 10 }).catch((caught) => caught);
    assert.instance(error, ReplyOverReserveError);
    assert.match(error.message, /50 tokens, more than the 10 reserved/);
  } finally {
    await fake.close();
  }
});

test('model not pulled (404): "run `ollama pull <model>`", stdout clean', async () => {
  const fake = await startFakeModel([{ failure: 'http-404' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ model: 'qwen2.5-coder:1.5b' }), runId: 'r' });
    const { error, stdout } = await captureStdout(() => client.completeText({ purpose: 'answer', messages: question }));
    assert.instance(error, ModelUnavailableError);
    assert.match((error as ModelUnavailableError).toOneLine(), /run `ollama pull qwen2\.5-coder:1\.5b`/);
    assert.is(stdout, '');
  } finally {
    await fake.close();
  }
});

test('the model check through /api/show: not pulled, or a context above what the model supports', async () => {
  const fake = await startFakeModel([{ content: 'never sent' }], { models: [{ name: 'qwen2.5-coder:7b', contextLength: 4096 }] });
  try {
    const missing = await createModelClient({ settings: fake.settings({ model: 'llama3.2:3b' }), runId: 'r' });
    const notPulled = await missing.completeText({ purpose: 'answer', messages: question }).catch((error) => error);
    assert.instance(notPulled, ModelUnavailableError);
    assert.match(notPulled.toOneLine(), /ollama pull llama3\.2:3b/);
    const tooBig = await createModelClient({ settings: fake.settings({ context: 8192 }), runId: 'r' });
    const refused = await tooBig.completeText({ purpose: 'answer', messages: question }).catch((error) => error);
    assert.is(refused.exitCode, 2);
    assert.match(refused.message, /larger than qwen2\.5-coder:7b supports \(4096\)/);
    assert.is(fake.chatRequests().length, 0, 'no chat request was sent');
  } finally {
    await fake.close();
  }
});

test('other HTTP errors give status and message, and the client prints nothing on stdout', async () => {
  const fake = await startFakeModel([{ failure: 'http-500' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    const { error, stdout } = await captureStdout(() => client.completeText({ purpose: 'answer', messages: question }));
    assert.instance(error, ModelUnavailableError);
    assert.match((error as Error).message, /HTTP 500: fake internal server error/);
    assert.is(stdout, '');
  } finally {
    await fake.close();
  }
});

test('connection refused: "Ollama is not running at <host>" with the next step', async () => {
  const fake = await startFakeModel([]);
  const settings = fake.settings();
  await fake.close();
  const client = await createModelClient({ settings, runId: 'r' });
  const { error, stdout } = await captureStdout(() => client.completeText({ purpose: 'answer', messages: question }));
  assert.instance(error, ModelUnavailableError);
  assert.is((error as ModelUnavailableError).exitCode, 3);
  assert.match((error as ModelUnavailableError).toOneLine(), new RegExp(`Ollama is not running at ${settings.ollamaHost}; start it with \`ollama serve\`, or set GROQ_API_KEY`));
  assert.is(stdout, '');
});

test('a stalled stream ends at the total timeout', async () => {
  const fake = await startFakeModel([{ content: '{"tasks": [', failure: 'stall' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ timeoutSeconds: 1 }), runId: 'r' });
    const started = Date.now();
    const error = await client.completeText({ purpose: 'plan', messages: question }).catch((caught) => caught);
    assert.instance(error, ModelTimeoutError);
    assert.match(error.message, /within 1 s/);
    assert.ok(Date.now() - started < promptlyMs, 'stops promptly, not when the stall ends (never)');
  } finally {
    await fake.close();
  }
});

test('aborting mid-stream (Ctrl-C) stops the call with CallCancelledError', async () => {
  const fake = await startFakeModel([{ content: 'partial', failure: 'stall' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const error = await client.completeText({ purpose: 'edit', messages: question, signal: controller.signal }).catch((caught) => caught);
    assert.instance(error, CallCancelledError);
    assert.ok(Date.now() - started < promptlyMs, 'the abort ends the call; the stall never would');
  } finally {
    await fake.close();
  }
});

test('a connection dropped mid-stream is a clear model error', async () => {
  const fake = await startFakeModel([{ content: 'export function', failure: 'drop-connection' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'r' });
    const error = await client.completeText({ purpose: 'edit', messages: question }).catch((caught) => caught);
    assert.instance(error, ModelUnavailableError);
    assert.match(error.message, /closed before the reply finished/);
  } finally {
    await fake.close();
  }
});

test('events: call-start with the budget, progress, call-end with server counts', async () => {
  const fake = await startFakeModel([{ content: 'x'.repeat(400), promptEvalCount: 40 }]);
  try {
    const events: any[] = [];
    const client = await createModelClient({ settings: fake.settings(), runId: 'r', onEvent: (event) => events.push(event) });
    await client.completeText({ purpose: 'answer', messages: question });
    const start = events.find((event) => event.type === 'call-start');
    assert.equal(start.budget, { context: 8192, outputReserve: 2048, promptLimit: 6144, margin: 1.15 });
    assert.ok(events.some((event) => event.type === 'progress' && event.completionTokens > 0));
    const end = events.find((event) => event.type === 'call-end');
    assert.is(end.serverPromptTokens, 40);
    assert.is(end.completionTokens, 100);
  } finally {
    await fake.close();
  }
});

test('a reply from the fake server lands in a repository transcript without touching the working tree', async () => {
  const fixture = await makeRepository(env);
  const fake = await startFakeModel([{ content: 'answer text' }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), repository: fixture.repository, runId: 'run-ollama' });
    await client.completeText({ purpose: 'answer', messages: question });
    const { readTranscript } = await import('../../src/model/model-client.js');
    const records = await readTranscript(fixture.repository, 'run-ollama');
    assert.is(records.length, 1);
    assert.is(records[0]!.reply, 'answer text');
    assert.is(records[0]!.purpose, 'answer');
    assert.equal(records[0]!.budget, { context: 8192, outputReserve: 2048, promptLimit: 6144, margin: 1.15 });
  } finally {
    await fake.close();
    fixture.cleanup();
  }
});

test.run();
