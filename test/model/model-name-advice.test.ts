import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adviseOnModelName } from '../../src/model/model-suggestions.js';
import { agentScene, assertOneLineError, retryPlan, planReply } from '../agent/agent-scene.js';

const installed = ['qwen2.5-coder:7b', 'llama3.1:8b', 'deepseek-coder-v2:16b', 'nomic-embed-text:latest'];

test('near spellings of an installed model are typos; other sizes and unknown names are models to pull', () => {
  const cases: [string, string[], boolean][] = [
    ['qwen2.5-codr:7b', ['qwen2.5-coder:7b'], true],
    ['Qwen2.5-Coder:7B', ['qwen2.5-coder:7b'], true],
    ['lama3.1:8b', ['llama3.1:8b'], true],
    ['qwen2.5-coder:7', ['qwen2.5-coder:7b'], true],
    ['nomic-embed-txt', ['nomic-embed-text:latest'], true],
    ['qwen2.5-coder:14b', ['qwen2.5-coder:7b'], false],
    ['qwen2.5-coder', ['qwen2.5-coder:7b'], false],
    ['mistral:7b', [], false],
    ['codellama:7b', [], false],
  ];
  for (const [name, closest, typo] of cases) assert.equal(adviseOnModelName(name, installed), { closest, typo }, name);
  assert.equal(adviseOnModelName('qwen2.5-codr:7b', ['qwen2.5-coder:7b\u001b[2J']), { closest: [], typo: false }, 'a name with control characters from the server is never shown');
});

test('a mistyped model name names the installed model it is close to, and does not send the user to ollama pull', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan)]);
  try {
    const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--model', 'qwen2.5-codr:7b']);
    assertOneLineError(result, 3, /the model qwen2\.5-codr:7b is not on the Ollama server at .*; did you mean qwen2\.5-coder:7b\?; use --model qwen2\.5-coder:7b/);
    assert.not.match(result.stderr, /ollama pull/);
    assert.equal(scene.agentBranches(), []);
    assert.is(scene.model.chatRequests().length, 0, 'no model call was made');

    // A real model that is simply not pulled yet: the pull command, and the installed ones named.
    const notPulled = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--model', 'codellama:13b']);
    assertOneLineError(notPulled, 3, /the model codellama:13b is not on the Ollama server .*; run `ollama pull codellama:13b`/);
    const otherSize = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--model', 'qwen2.5-coder:14b']);
    assertOneLineError(otherSize, 3, /\(closest: qwen2\.5-coder:7b\); run `ollama pull qwen2\.5-coder:14b`/);
  } finally {
    await scene.close();
  }
});

test('a Groq base URL on a port fetch refuses ("bad port") is a connection error: exit 3, one line, with the way out', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan)]);
  try {
    for (const port of [6000, 10080]) {
      const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--provider', 'groq'], { provider: 'groq', extraEnv: { GROQ_BASE_URL: `http://127.0.0.1:${port}` } });
      assertOneLineError(result, 3, new RegExp(`cannot reach Groq at http://127\\.0\\.0\\.1:${port}: fetch refuses to connect to port ${port}.*GROQ_BASE_URL`));
      assert.not.match(result.stderr, /unexpected failure/);
    }
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a Groq connection refused is still named as such (groq-sdk error classes are recognised)', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const scene = await agentScene('js-app', []);
  try {
    const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js'], { provider: 'groq', extraEnv: { GROQ_BASE_URL: `http://127.0.0.1:${port}` } });
    assertOneLineError(result, 3, /cannot reach Groq at http:\/\/127\.0\.0\.1:\d+/);
  } finally {
    await scene.close();
  }
});


test('Groq: an unknown model id names the closest ids Groq lists; a base URL that is not Groq\'s API says so', async () => {
  const scene = await agentScene('js-app', [{ failure: 'http-404' }, { failure: 'http-404' }]);
  try {
    const typo = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--model', 'llama-3.3-70b-versatil'], { provider: 'groq' });
    assertOneLineError(typo, 3, /Groq has no model llama-3\.3-70b-versatil; did you mean llama-3\.3-70b-versatile\?; use --model llama-3\.3-70b-versatile/);
    const notGroq = await scene.litecode(['add retry with backoff to fetchUser in src/api.js'], { provider: 'groq', extraEnv: { GROQ_BASE_URL: `${scene.model.url}/not-groq` } });
    assertOneLineError(notGroq, 3, /\/not-groq answered HTTP 404 for Groq's API paths, so it is not Groq's API; check GROQ_BASE_URL/);
  } finally {
    await scene.close();
  }
});

test.run();
