import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ModelUnavailableError } from '../../src/errors/litecode-error.js';
import { createModelClient, readTranscript } from '../../src/model/model-client.js';
import { ModelTimeoutError, TruncatedReplyError } from '../../src/model/model-errors.js';
import { startFakeModel } from '../support/fake-model.js';
import { makeRepository, useHermeticProcessEnv } from './model-test-repository.js';

const env = useHermeticProcessEnv();
const canaryKey = 'gsk_CANARY_must_never_be_written_7a6b5c4d';
const question = [{ role: 'user' as const, content: 'Summarise fetchUser in one line.' }];
const Classification = z.object({ kind: z.enum(['edit', 'question']), reason: z.string() });

test('posts OpenAI-style chat completions to /openai/v1 with max_completion_tokens, the key and the purpose', async () => {
  const fake = await startFakeModel([{ content: 'It fetches a user.', promptEvalCount: 21 }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile', groqApiKey: canaryKey }), runId: 'g' });
    const reply = await client.completeText({ purpose: 'answer', messages: question });
    assert.is(reply.text, 'It fetches a user.');
    assert.is(reply.serverPromptTokens, 21);
    const [request] = fake.chatRequests();
    assert.is(request!.path, '/openai/v1/chat/completions');
    assert.is(request!.body.max_completion_tokens, 2048);
    assert.is(request!.body.model, 'llama-3.3-70b-versatile');
    assert.is(request!.headers.authorization, `Bearer ${canaryKey}`);
    assert.is(request!.purpose, 'answer');
    assert.is(client.parallelism, 3);
  } finally {
    await fake.close();
  }
});

test('401 → "GROQ_API_KEY is missing or invalid"; a missing key never reaches the network', async () => {
  const fake = await startFakeModel([{ failure: 'http-401' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile' }), runId: 'g' });
    const error = await client.completeText({ purpose: 'answer', messages: question }).catch((caught) => caught);
    assert.instance(error, ModelUnavailableError);
    assert.match(error.message, /^GROQ_API_KEY is missing or invalid$/);
    const keyless = await createModelClient({ settings: fake.settings({ provider: 'groq', groqApiKey: undefined }), runId: 'g' });
    const missing = await keyless.completeText({ purpose: 'answer', messages: question }).catch((caught) => caught);
    assert.match(missing.message, /GROQ_API_KEY is missing or invalid/);
    assert.is(fake.chatRequests().length, 1);
  } finally {
    await fake.close();
  }
});

test('429 honours retry-after, reports the wait, then succeeds', async () => {
  const fake = await startFakeModel([{ failure: 'http-429', retryAfterSeconds: 1 }, { content: 'after the wait' }]);
  try {
    const waits: number[] = [];
    const client = await createModelClient({
      settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile' }),
      runId: 'g',
      onEvent: (event) => event.type === 'rate-limited' && waits.push(event.waitSeconds),
    });
    const started = Date.now();
    const reply = await client.completeText({ purpose: 'edit', messages: question });
    const elapsed = Date.now() - started;
    assert.is(reply.text, 'after the wait');
    assert.equal(waits, [1]);
    assert.ok(elapsed >= 950, `waited ${elapsed} ms`);
    assert.is(fake.chatRequests().length, 2);
  } finally {
    await fake.close();
  }
});

test('429 with a retry-after too long to sit through stops at once with the wait in the message', async () => {
  const fake = await startFakeModel([{ failure: 'http-429', retryAfterSeconds: 3600 }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile' }), runId: 'g' });
    const error = await client.completeText({ purpose: 'edit', messages: question }).catch((caught) => caught);
    assert.instance(error, ModelUnavailableError);
    assert.match(error.message, /rate limit.*3600 s/);
  } finally {
    await fake.close();
  }
});

test('finish_reason length is a TruncatedReplyError; a stalled reply ends at the timeout; a closed port is a clear error', async () => {
  const fake = await startFakeModel([{ content: 'cut', failure: 'done-length' }, { failure: 'stall' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile', timeoutSeconds: 1 }), runId: 'g' });
    assert.instance(await client.completeText({ purpose: 'edit', messages: question }).catch((caught) => caught), TruncatedReplyError);
    assert.instance(await client.completeText({ purpose: 'edit', messages: question }).catch((caught) => caught), ModelTimeoutError);
  } finally {
    await fake.close();
  }
  const closed = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile' }), runId: 'g' });
  const refused = await closed.completeText({ purpose: 'edit', messages: question }).catch((caught) => caught);
  assert.instance(refused, ModelUnavailableError);
  assert.match(refused.message, /cannot reach Groq at http:\/\/127\.0\.0\.1:\d+/);
});

test('structured output: json_schema (strict) for gpt-oss, json_object for llama-3.3, prompted JSON otherwise', async () => {
  const good = JSON.stringify({ kind: 'edit', reason: 'asks for a change' });
  const fake = await startFakeModel([{ content: good }, { content: good }, { content: good }]);
  try {
    for (const model of ['openai/gpt-oss-20b', 'llama-3.3-70b-versatile', 'mistral-saba-24b']) {
      const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model }), runId: 'g' });
      const reply = await client.completeStructured({ purpose: 'plan', messages: question, schema: Classification, schemaName: 'classification' });
      assert.equal(reply.value, { kind: 'edit', reason: 'asks for a change' });
      assert.is(reply.parseStep, 'constrained');
    }
    const [schemaCall, objectCall, promptedCall] = fake.chatRequests();
    assert.is(schemaCall!.body.response_format.type, 'json_schema');
    assert.is(schemaCall!.body.response_format.json_schema.strict, true);
    assert.equal(schemaCall!.body.response_format.json_schema.schema.required, ['kind', 'reason']);
    assert.is(objectCall!.body.response_format.type, 'json_object');
    assert.match(JSON.stringify(objectCall!.body.messages), /JSON schema/);
    assert.is(promptedCall!.body.response_format, undefined);
    assert.match(JSON.stringify(promptedCall!.body.messages), /Reply with one JSON object only/);
  } finally {
    await fake.close();
  }
});

test('strict json_schema only for schemas Groq strict mode accepts (the Plan has optional fields)', async () => {
  const { Plan } = await import('../../src/agent/plan-schema.js');
  const fake = await startFakeModel([{ content: JSON.stringify({ synthesis: 's', tasks: [] }) }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ provider: 'groq', model: 'openai/gpt-oss-120b' }), runId: 'g' });
    const reply = await client.completeStructured({ purpose: 'plan', messages: question, schema: Plan, schemaName: 'plan' });
    assert.equal(reply.value, { synthesis: 's', tasks: [] });
    const format = fake.chatRequests()[0]!.body.response_format;
    assert.is(format.type, 'json_schema');
    assert.is(format.json_schema.strict, false);
  } finally {
    await fake.close();
  }
});

test('the transcript records every call and never the API key, even when a message contains it', async () => {
  const fixture = await makeRepository(env);
  const fake = await startFakeModel([{ content: 'first' }, { failure: 'http-401' }]);
  try {
    const client = await createModelClient({
      settings: fake.settings({ provider: 'groq', model: 'llama-3.3-70b-versatile', groqApiKey: canaryKey }),
      repository: fixture.repository,
      runId: 'run-groq',
    });
    await client.completeText({ purpose: 'answer', messages: [{ role: 'user', content: `my .env says GROQ_API_KEY=${canaryKey}` }] });
    await client.completeText({ purpose: 'answer', messages: question }).catch(() => undefined);
    const text = readFileSync(join(fixture.repository.commonDir, 'litecode', 'transcript.jsonl'), 'utf8');
    assert.not.match(text, canaryKey);
    assert.not.match(text, 'CANARY');
    const records = await readTranscript(fixture.repository, 'run-groq');
    assert.is(records.length, 2);
    assert.is(records[0]!.provider, 'groq');
    assert.is(records[0]!.reply, 'first');
    assert.ok(records[0]!.tokens.ours > 0);
    assert.is(records[1]!.error, 'GROQ_API_KEY is missing or invalid');
  } finally {
    await fake.close();
    fixture.cleanup();
  }
});

test.run();
