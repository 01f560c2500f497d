import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModelClient } from '../../src/model/model-client.js';
import { countMessagesRaw, countTextTokens, isTokenizerLoaded, messagesTokensAtMost, textTokensAtMost } from '../../src/model/token-counter.js';
import { startFakeModel } from '../support/fake-model.js';

test('fits() answers a prompt far below the limit without loading the tokenizer, and counts one near it', async () => {
  const fake = await startFakeModel([]);
  try {
    const client = await createModelClient({ settings: fake.settings({ context: 8192, outputReserve: 2048 }), runId: 'bound' });
    assert.is(await client.fits([{ role: 'user', content: 'add retry to fetchUser in src/api.js' }]), true);
    assert.is(isTokenizerLoaded(), false, 'a short prompt is decided by its byte length');
    // 6,000 bytes: over the limit by the byte bound (×1.15), well under it by the real count.
    const near = [{ role: 'user' as const, content: 'export const value = compute(input);\n'.repeat(160) }];
    assert.ok(client.promptTokensAtMost(near) > 6144);
    assert.is(await client.fits(near), true);
    assert.is(isTokenizerLoaded(), true, 'near the limit the exact count decides');
  } finally {
    await fake.close();
  }
});

/** A deterministic generator, so a failure names its input. */
function* samples(): Generator<string> {
  yield '';
  yield 'plain ASCII code: const x = y + 1;\n';
  yield '日本語のテキストと中文字符，한국어 문장';
  yield '👩‍👩‍👧‍👦🏳️‍🌈 emoji with joiners and flags 🇫🇷🇯🇵';
  yield 'e\u0301 combining marks: a\u0308o\u0308u\u0308 \u0915\u094D\u0937 ';
  yield 'العربية والعبرية עברית';
  yield ' '.repeat(500) + '\t'.repeat(200) + '\n'.repeat(300);
  yield '<|endoftext|><|fim_prefix|> special-token text';
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x2ff], [0x400, 0x4ff], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0x1f300, 0x1faff]];
  for (let sample = 0; sample < 200; sample++) {
    let text = '';
    const length = 1 + Math.floor(random() * 300);
    for (let index = 0; index < length; index++) {
      const [low, high] = ranges[Math.floor(random() * ranges.length)]!;
      text += String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
    }
    yield text;
  }
}

test('the byte bound is a true upper bound of the cl100k count, for any script, emoji or combining marks', async () => {
  for (const text of samples()) {
    const exact = await countTextTokens(text);
    assert.ok(textTokensAtMost(text) >= exact, `${JSON.stringify(text.slice(0, 40))}: ${exact} tokens, bound ${textTokensAtMost(text)}`);
  }
  const messages = [...samples()].slice(0, 20).map((content) => ({ role: 'user' as const, content }));
  assert.ok(messagesTokensAtMost(messages) >= (await countMessagesRaw(messages)));
});

test.run();
