import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:net';
import { ModelUnavailableError } from '../../src/errors/litecode-error.js';
import { describeOllamaModel, probeModelServer } from '../../src/model/model-client.js';
import { startFakeModel } from '../support/fake-model.js';
import { promptlyMs } from '../support/timing.js';

test('probe: a running Ollama, a closed port, and a server that accepts but never answers', async () => {
  const fake = await startFakeModel([]);
  const settings = fake.settings();
  try {
    const up = await probeModelServer(settings, 1000);
    assert.is(up.reachable, true);
    assert.match(up.detail, /^Ollama 0\.12\.6 at http:\/\/127\.0\.0\.1:\d+$/);
    const groq = await probeModelServer(fake.settings({ provider: 'groq' }), 1000);
    assert.is(groq.reachable, true);
  } finally {
    await fake.close();
  }
  const down = await probeModelServer(settings, 1000);
  assert.equal(down, { reachable: false, detail: `Ollama is not running at ${settings.ollamaHost}` });

  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const hung = await probeModelServer({ ...settings, ollamaHost: `http://127.0.0.1:${(silent.address() as { port: number }).port}` }, 300);
    assert.is(hung.reachable, false);
    assert.match(hung.detail, /did not answer within 300 ms/);
    assert.ok(Date.now() - started < promptlyMs, 'the probe gives up; the silent server never answers');
  } finally {
    silent.close();
  }
});

test('describeOllamaModel reads the context length from /api/show and names the pull command when missing', async () => {
  const fake = await startFakeModel([], { models: [{ name: 'qwen2.5-coder:7b', contextLength: 32768 }] });
  try {
    const description = await describeOllamaModel(fake.settings());
    assert.is(description.contextLength, 32768);
    assert.is(description.family, 'qwen2');
    const error = await describeOllamaModel(fake.settings({ model: 'codellama:7b' })).catch((caught) => caught);
    assert.instance(error, ModelUnavailableError);
    assert.match(error.toOneLine(), /run `ollama pull codellama:7b`/);
  } finally {
    await fake.close();
  }
});

test.run();
