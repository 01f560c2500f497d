import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Plan } from '../../src/agent/plan-schema.js';
import { damageCode, damageJson, jsonDamage, jsonDamageKinds } from '../../src/fake-model/damage.js';
import { startFakeModelServer } from '../../src/fake-model/fake-model-server.js';

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The fake server's JSON bodies, loosely typed as the tests read them. */
const jsonOf = (response: Response): Promise<any> => response.json();

test('replies are matched by purpose header, by user text, then taken in order', async () => {
  const server = await startFakeModelServer([
    { match: { purpose: 'edit' }, content: 'edit reply' },
    { match: { userContains: /classify/ }, content: 'classified' },
    { content: 'first unmatched' },
  ]);
  try {
    const chat = async (purpose: string | undefined, text: string) => {
      const response = await postJson(`${server.url}/api/chat`, { model: 'm', stream: false, messages: [{ role: 'user', content: text }] }, purpose ? { 'x-litecode-purpose': purpose } : {});
      return (await jsonOf(response)).message.content;
    };
    assert.is(await chat(undefined, 'please classify this'), 'classified');
    assert.is(await chat('plan', 'anything'), 'first unmatched');
    assert.is(await chat('edit', 'anything'), 'edit reply');
    assert.is(server.remaining(), 0);
    const exhausted = await postJson(`${server.url}/api/chat`, { model: 'm', messages: [] });
    assert.is(exhausted.status, 500);
    assert.equal(server.requests.map((request) => request.purpose), [undefined, 'plan', 'edit', undefined]);
  } finally {
    await server.close();
  }
});

test('a [purpose:…] marker in the messages names the call when no header is sent', async () => {
  const server = await startFakeModelServer(() => ({ content: 'ok' }));
  try {
    await postJson(`${server.url}/api/chat`, { model: 'm', stream: false, messages: [{ role: 'system', content: '[purpose:suggest] review' }] });
    assert.is(server.requests[0]!.purpose, 'suggest');
  } finally {
    await server.close();
  }
});

test('Ollama wire: NDJSON stream ending in done with counts; /api/tags, /api/show, /api/version', async () => {
  const server = await startFakeModelServer([{ content: 'hello world', promptEvalCount: 77 }], { models: [{ name: 'qwen2.5-coder:7b', contextLength: 32768 }] });
  try {
    const response = await postJson(`${server.url}/api/chat`, { model: 'qwen2.5-coder:7b', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    assert.is(lines.map((line) => line.message.content).join(''), 'hello world');
    const last = lines.at(-1);
    assert.is(last.done, true);
    assert.is(last.done_reason, 'stop');
    assert.is(last.prompt_eval_count, 77);
    const tags = await jsonOf(await fetch(`${server.url}/api/tags`));
    assert.is(tags.models[0].name, 'qwen2.5-coder:7b');
    const show = await jsonOf(await postJson(`${server.url}/api/show`, { model: 'qwen2.5-coder:7b' }));
    assert.is(show.model_info['qwen2.context_length'], 32768);
    assert.is((await postJson(`${server.url}/api/show`, { model: 'absent:1b' })).status, 404);
    assert.ok((await jsonOf(await fetch(`${server.url}/api/version`))).version);
  } finally {
    await server.close();
  }
});

test('Groq wire: SSE stream with finish_reason and usage, and OpenAI-shaped errors with retry-after', async () => {
  const server = await startFakeModelServer([{ content: 'abcdefgh', failure: 'done-length' }, { failure: 'http-429', retryAfterSeconds: 7 }]);
  try {
    const response = await postJson(`${server.url}/openai/v1/chat/completions`, { model: 'llama-3.3-70b-versatile', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const events = (await response.text()).split('\n\n').filter(Boolean);
    assert.is(events.at(-1), 'data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)));
    assert.is(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join(''), 'abcdefgh');
    assert.is(chunks.at(-1).choices[0].finish_reason, 'length');
    assert.ok(chunks.at(-1).x_groq.usage.prompt_tokens > 0);
    const limited = await postJson(`${server.url}/openai/v1/chat/completions`, { model: 'm', messages: [] });
    assert.is(limited.status, 429);
    assert.is(limited.headers.get('retry-after'), '7');
    assert.is((await jsonOf(limited)).error.code, 'rate_limit_exceeded');
  } finally {
    await server.close();
  }
});

test('the damage library: recoverable kinds still contain the intended value, refused kinds do not parse as it', () => {
  const intended = Plan.parse({ kind: 'edit', synthesis: 'Add retry.', tasks: [{ file: 'src/a.js', action: 'modify', symbols: ['a'], instruction: 'retry' }] });
  for (const kind of jsonDamageKinds) {
    const text = damageJson(kind, intended);
    if (kind === 'clean' || kind === 'pretty-printed') assert.equal(JSON.parse(text), intended);
    else if (kind !== 'empty') assert.not.equal(text, JSON.stringify(intended), kind);
    if (!jsonDamage[kind].recoverable) {
      let parsed: unknown;
      try {
        parsed = Plan.parse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      assert.not.equal(parsed, intended, kind);
    }
  }
  assert.match(damageCode('filename-above', 'let a = 1;\n', 'src/a.js'), /^\*\*src\/a\.js\*\*\n```javascript\nlet a = 1;\n```$/);
  assert.not.match(damageCode('unclosed-fence', 'let a = 1;\nlet b = 2;\n', 'src/a.js'), /```$/);
});

test.run();
