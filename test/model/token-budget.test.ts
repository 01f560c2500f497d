import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createModelClient } from '../../src/model/model-client.js';
import { PromptTooLargeError } from '../../src/model/model-errors.js';
import { countMessagesRaw, countTextTokens, isTokenizerLoaded, perMessageOverhead } from '../../src/model/token-counter.js';
import { calibratedMargin, familyMargin } from '../../src/model/token-margin.js';
import { withObservation } from '../../src/model/calibration.js';
import { startFakeModel } from '../support/fake-model.js';
import { gitIn, makeRepository, useHermeticProcessEnv } from './model-test-repository.js';

const env = useHermeticProcessEnv();
const root = fileURLToPath(new URL('../..', import.meta.url));

test('the tokenizer loads lazily, on the first count', async () => {
  assert.is(isTokenizerLoaded(), false);
  assert.is(await countTextTokens('hello world'), 2);
  assert.is(isTokenizerLoaded(), true);
});

test('text containing special tokens counts as plain text and does not throw', async () => {
  const count = await countTextTokens('before <|endoftext|> after <|fim_prefix|>');
  assert.ok(count > 6, `counted ${count}`);
});

test('a prompt counts its messages plus the per-message overhead', async () => {
  const messages = [
    { role: 'system' as const, content: 'hello world' },
    { role: 'user' as const, content: 'hello world' },
  ];
  assert.is(await countMessagesRaw(messages), 2 * (2 + perMessageOverhead));
});

test('family margins: ≥1.15 for Qwen, Llama 3 and DeepSeek; 1.55 for CodeLlama, Llama 2 and unknown models', () => {
  for (const model of ['qwen2.5-coder:7b', 'llama3.1:8b', 'llama-3.3-70b-versatile', 'deepseek-coder:6.7b']) assert.is(familyMargin(model), 1.15, model);
  for (const model of ['codellama:7b', 'llama2:13b', 'mystery-model:1b']) assert.is(familyMargin(model), 1.55, model);
});

test('calibration tightens the margin from data, never below what the server counted, never above the family default', () => {
  let file = { version: 1 as const, models: {} };
  for (const [server, ours] of [[1010, 1000], [2030, 2000], [505, 500]] as const) file = withObservation(file, 'ollama:qwen2.5-coder:7b', server, ours);
  const observation = (file.models as any)['ollama:qwen2.5-coder:7b'];
  assert.is(observation.samples, 3);
  const margin = calibratedMargin('qwen2.5-coder:7b', observation);
  assert.ok(margin >= 1.015 && margin < 1.15, `margin ${margin}`);
  assert.is(calibratedMargin('codellama:7b', { samples: 5, maxRatio: 1.7 }) >= 1.7, true, 'above the default when the server says so');
  assert.is(calibratedMargin('qwen2.5-coder:7b', { samples: 5, maxRatio: 0.8 }), 1, 'floored at 1.0');
  assert.is(calibratedMargin('qwen2.5-coder:7b', { samples: 2, maxRatio: 1.0 }), 1.15, 'too few samples: the default');
  assert.equal(withObservation(file, 'x', 50, 100), file, 'tiny prompts are not evidence');
});

test('a prompt over context − outputReserve is refused before anything is sent', async () => {
  const fake = await startFakeModel([{ content: 'should never be used' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ context: 2048, outputReserve: 1024 }), runId: 'b' });
    const huge = [{ role: 'user' as const, content: 'const value = 42;\n'.repeat(400) }];
    assert.is(await client.fits(huge), false);
    const error = await client.completeText({ purpose: 'edit', messages: huge }).catch((caught) => caught);
    assert.instance(error, PromptTooLargeError);
    assert.is(error.limit, 1024);
    assert.ok(error.tokens > 1024);
    assert.is(error.exitCode, 1);
    const structured = await client
      .completeStructured({ purpose: 'plan', messages: huge, schema: (await import('../../src/agent/plan-schema.js')).Plan, schemaName: 'plan' })
      .catch((caught) => caught);
    assert.instance(structured, PromptTooLargeError);
    assert.is(fake.requests.length, 0, 'the server saw no request at all');
    assert.is(fake.remaining(), 1);
  } finally {
    await fake.close();
  }
});

test('countPromptTokens is the figure the check uses, and a smaller reply reserve leaves more room', async () => {
  const fake = await startFakeModel([{ content: 'ok' }]);
  try {
    const client = await createModelClient({ settings: fake.settings({ context: 4096, outputReserve: 2048 }), runId: 'b' });
    const messages = [{ role: 'user' as const, content: 'word '.repeat(2000) }];
    const counted = await client.countPromptTokens(messages);
    assert.is(counted, Math.ceil((await countMessagesRaw(messages)) * 1.15));
    assert.ok(counted > 2048 && counted < 3000);
    assert.is(await client.fits(messages), false);
    assert.is(await client.fits(messages, 1000), true);
    const reply = await client.completeText({ purpose: 'answer', messages, outputReserve: 1000 });
    assert.is(reply.promptTokens, counted);
    assert.is(fake.chatRequests()[0]!.body.options.num_predict, 1000);
  } finally {
    await fake.close();
  }
});

test('calibration is written under the git dir, never in the working tree, and used by the next client', async () => {
  const fixture = await makeRepository(env);
  const longPrompt = [{ role: 'user' as const, content: 'export const answer = compute(input);\n'.repeat(80) }];
  const raw = await countMessagesRaw(longPrompt);
  const server = Math.round(raw * 1.02);
  const fake = await startFakeModel(Array.from({ length: 4 }, () => ({ content: 'ok', promptEvalCount: server })));
  try {
    // One call per client: later calls of a client may hit the server's prompt cache, which its count leaves out.
    for (let index = 0; index < 3; index++) {
      const client = await createModelClient({ settings: fake.settings(), repository: fixture.repository, runId: `cal-${index}` });
      await client.completeText({ purpose: 'edit', messages: longPrompt });
    }
    const file = join(fixture.repository.commonDir, 'litecode', 'calibration.json');
    assert.ok(existsSync(file));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.is(saved.models['ollama:qwen2.5-coder:7b'].samples, 3);
    assert.is(gitIn(fixture.path, env, 'status', '--porcelain', '--ignored'), '', 'the working tree is untouched');
    assert.ok(!readdirSync(fixture.path).includes('litecode'));
    const next = await createModelClient({ settings: fake.settings(), repository: fixture.repository, runId: 'cal2' });
    assert.ok(next.budget.margin < 1.15 && next.budget.margin >= server / raw, `margin ${next.budget.margin}`);
    assert.ok((await next.countPromptTokens(longPrompt)) >= server, 'never below the server');
    const fsck = spawnSync('git', ['fsck', '--full'], { cwd: fixture.path, env });
    assert.is(fsck.status, 0);
  } finally {
    await fake.close();
    fixture.cleanup();
  }
});

test("a later call's low server count (Ollama's prompt cache) is not taken for a cut prompt, nor calibrated", async () => {
  const fixture = await makeRepository(env);
  const longPrompt = [{ role: 'user' as const, content: 'export const answer = compute(input);\n'.repeat(300) }];
  const fake = await startFakeModel([{ content: 'ok' }, { content: 'ok', promptEvalCount: 40 }]);
  try {
    const client = await createModelClient({ settings: fake.settings(), repository: fixture.repository, runId: 'cache' });
    await client.completeText({ purpose: 'plan', messages: longPrompt });
    const second = await client.completeText({ purpose: 'repair', messages: longPrompt });
    assert.is(second.text, 'ok');
    const saved = JSON.parse(readFileSync(join(fixture.repository.commonDir, 'litecode', 'calibration.json'), 'utf8'));
    assert.is(saved.models['ollama:qwen2.5-coder:7b'].samples, 1);
  } finally {
    await fake.close();
    fixture.cleanup();
  }
});

test('running a command that never calls a model does not load tiktoken', () => {
  const probe = `
    const { main } = await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    await main(['config', '--json']);
    process.stdout.write = write;
    const counter = await import(${JSON.stringify(join(root, 'dist/model/token-counter.js'))});
    const { createRequire } = await import('node:module');
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ loaded: counter.isTokenizerLoaded(), tiktokenInCache: cache.some((path) => path.includes('tiktoken')) }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, env, encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout.trim().split('\n').at(-1)!), { loaded: false, tiktokenInCache: false });
});

test.run();
