import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stripCodeReply } from '../../src/model/fence-strip.js';
import { fenceCases, generatedFenceCases } from '../fixtures/fence-cases.js';

for (const fenceCase of fenceCases) {
  test(fenceCase.name, () => {
    const result = stripCodeReply({ reply: fenceCase.reply, targetPath: fenceCase.targetPath, original: fenceCase.original });
    if ('reason' in fenceCase.expected) {
      assert.equal(result.ok ? { content: result.content } : { reason: result.reason }, { reason: fenceCase.expected.reason });
      return;
    }
    assert.equal(result.ok ? { content: result.content, hadFence: result.hadFence } : result, fenceCase.expected);
  });
}

test('the generated corpus: every sample file in every wrapping comes out byte-exact', () => {
  const cases = generatedFenceCases();
  const failures = cases.flatMap((fenceCase) => {
    const result = stripCodeReply(fenceCase);
    const actual = result.ok ? { content: result.content, hadFence: result.hadFence } : result;
    return JSON.stringify(actual) === JSON.stringify(fenceCase.expected) ? [] : [`${fenceCase.name}: ${JSON.stringify(actual)}`];
  });
  assert.ok(cases.length >= 100, `${cases.length} cases`);
  assert.equal(failures, []);
});

test('a fenced reply cut anywhere before its closing fence is truncated, never content', () => {
  const fencedOnly = generatedFenceCases().filter(
    (fenceCase) => /^ {0,3}(?:```|~~~)/.test(fenceCase.reply) && !fenceCase.name.includes('run-it'),
  );
  const accepted: string[] = [];
  let cuts = 0;
  for (const fenceCase of fencedOnly) {
    const closingLineStart = fenceCase.reply.trimEnd().lastIndexOf('\n') + 1;
    for (let cut = fenceCase.reply.indexOf('\n') + 1; cut < closingLineStart; cut += 1) {
      cuts += 1;
      const result = stripCodeReply({ ...fenceCase, reply: fenceCase.reply.slice(0, cut) });
      if (result.ok || result.reason !== 'truncated') accepted.push(`${fenceCase.name} cut at ${cut}`);
    }
  }
  assert.ok(cuts > 1000, `${cuts} cuts`);
  assert.equal(accepted.slice(0, 5), []);
});

test('the table covers at least 30 cases', () => {
  assert.ok(fenceCases.length >= 30, `${fenceCases.length} cases`);
});

test('every rejection carries a message to feed back to the model', () => {
  for (const fenceCase of fenceCases.filter((candidate) => 'reason' in candidate.expected)) {
    const result = stripCodeReply(fenceCase);
    assert.ok(!result.ok && result.message.length > 10, fenceCase.name);
  }
});

test('a raw reply with odd bytes (tabs, unicode, trailing spaces) is byte-exact', () => {
  const reply = 'const s = "héllo\\t→";\t// trailing  \nconst t = 1;   \n';
  const result = stripCodeReply({ reply, targetPath: 'src/a.js', original: 'x\n' });
  assert.equal(result, { ok: true, content: reply, hadFence: false });
});

test('a file that starts with a byte-order mark keeps it, fenced or not, CRLF or not (models never write one back)', () => {
  const original = '\uFEFF{\r\n  "version": "1.0.0"\r\n}\r\n';
  for (const reply of ['{\n  "version": "1.1.0"\n}\n', '```json\n{\n  "version": "1.1.0"\n}\n```\n', '\uFEFF{\n  "version": "1.1.0"\n}\n']) {
    const result = stripCodeReply({ reply, targetPath: 'package.json', original });
    assert.ok(result.ok);
    if (result.ok) assert.is(result.content, '\uFEFF{\r\n  "version": "1.1.0"\r\n}\r\n');
  }
  const withoutMark = stripCodeReply({ reply: '{\n  "version": "1.1.0"\n}\n', targetPath: 'package.json', original: original.slice(1) });
  assert.ok(withoutMark.ok && !withoutMark.content.startsWith('\uFEFF'));
});

test.run();
