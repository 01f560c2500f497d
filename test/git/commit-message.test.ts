import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import {
  type AgentCommitMetadata,
  cutAtWordBoundary,
  formatAgentCommitMessage,
  withTerminalSafeModelText,
  parseAgentCommitMessage,
  subjectLimit,
} from '../../src/git/commit-message.js';
import { hermeticEnv } from '../support/hermetic-env.js';

const env = hermeticEnv();

const base: AgentCommitMetadata = {
  kind: 'edit',
  request: 'add retry to fetchUser',
  synthesis: 'Added retry with backoff to fetchUser.',
  provider: 'ollama',
  model: 'qwen2.5-coder:7b',
  files: [{ path: 'src/api.js', summary: 'wrapped the fetch in a retry loop' }],
  checks: ['fences', 'truncation', 'symbols'],
  runId: '2024-01-01T00-00-00-abc123',
};

const oddRequests = [
  'add retry to fetchUser',
  'line one\nline two\n\nFoo: bar after a blank line',
  'Key: looks like a trailer',
  '"starts with a quote" and ends plain',
  '  leading and trailing spaces  ',
  'tabs\tinside\tand a trailing newline\n',
  'unicode: 给 fetchUser 加重试 — café ✓ 🚀',
  'a\u0000nul and \u001b escape and \r carriage return',
  '',
  'x'.repeat(2000),
  Array.from({ length: 300 }, (_, index) => `word${index}`).join(' '),
  '# looks like a comment\n# another',
  'Signed-off-by: Someone <someone@example.com>',
];

/** A deterministic pseudo-random generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}
const alphabet = ['a', 'Z', ' ', '\n', ':', '"', '\\', '\t', 'é', '给', '🚀', '-', '#', '\r', '/', '.'];

function randomText(next: () => number, length: number): string {
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

test('every odd request round-trips exactly', () => {
  for (const request of oddRequests) {
    const metadata = { ...base, request };
    assert.equal(parseAgentCommitMessage(formatAgentCommitMessage(metadata)), metadata, JSON.stringify(request).slice(0, 80));
  }
});

test('random metadata round-trips (property test, 300 cases)', () => {
  const next = random(42);
  for (let round = 0; round < 300; round++) {
    const metadata: AgentCommitMetadata = {
      kind: (['edit', 'followup', 'undo', 'suggest'] as const)[round % 4]!,
      request: randomText(next, Math.floor(next() * 120)),
      synthesis: randomText(next, Math.floor(next() * 150)),
      provider: round % 5 === 0 ? '' : 'groq',
      model: round % 5 === 0 ? '' : 'meta-llama/llama-4-scout:17b',
      files: Array.from({ length: Math.floor(next() * 3) }, () => ({ path: `dir/${randomText(next, 6)}.js`, summary: randomText(next, 30) })),
      checks: round % 3 === 0 ? [] : ['fences', 'syntax'],
    };
    if (round % 2 === 0) metadata.runId = randomText(next, 10);
    if (round % 4 === 2) metadata.undoes = 'a'.repeat(40);
    if (round % 7 === 0) metadata.missing = [`lib/${randomText(next, 5)}.ts`];
    const message = formatAgentCommitMessage(metadata);
    // The model-written fields come back as written: without control characters (the request is exact).
    assert.equal(parseAgentCommitMessage(message), withTerminalSafeModelText(metadata), JSON.stringify(message).slice(0, 200));
  }
});

test('the subject is the synthesis; a long one is cut at a word boundary and given in full in the body', () => {
  const synthesis = 'Added exponential backoff retry to fetchUser and fetchPosts, with a configurable maximum number of attempts.';
  const message = formatAgentCommitMessage({ ...base, synthesis });
  const [subject, blank, fullSentence] = message.split('\n');
  assert.ok(subject!.length <= subjectLimit, subject);
  assert.ok(synthesis.startsWith(subject!), subject);
  assert.is(synthesis[subject!.length], ' ', 'cut at a space');
  assert.is(blank, '');
  assert.is(fullSentence, synthesis);
  assert.is(parseAgentCommitMessage(message)!.synthesis, synthesis);
  assert.is(formatAgentCommitMessage(base).split('\n')[0], base.synthesis);
});

test('cutAtWordBoundary counts characters, not UTF-16 units, and hard-cuts one long word', () => {
  assert.is(cutAtWordBoundary('🚀'.repeat(80), 72), '🚀'.repeat(72));
  assert.is(cutAtWordBoundary('short', 72), 'short');
  assert.is(cutAtWordBoundary('aaa bbb ccc', 9), 'aaa bbb');
});

test('the body has the request and one line per file; the trailers are what the issue names', () => {
  const message = formatAgentCommitMessage(base);
  assert.match(message, /\n\nRequest: add retry to fetchUser\n/);
  assert.match(message, /\n- src\/api\.js: wrapped the fetch in a retry loop\n/);
  assert.match(message, /\nLitecode-Request: add retry to fetchUser\n/);
  assert.match(message, /\nLitecode-Kind: edit\n/);
  assert.match(message, /\nAssisted-by: git-litecode:ollama\/qwen2\.5-coder:7b\n$/);
});

test("git's own trailer parser reads the same trailers", () => {
  const metadata = { ...base, request: 'multi\nline: request', files: [{ path: 'dir with space/a.js', summary: 'x' }] };
  const parsed = execFileSync('git', ['interpret-trailers', '--parse'], { input: formatAgentCommitMessage(metadata), env }).toString();
  assert.match(parsed, /^Litecode-Kind: edit$/m);
  assert.match(parsed, /^Litecode-Request: "multi\\nline: request"$/m);
  assert.match(parsed, /^Litecode-File: "dir with space\/a\.js" x$/m);
  assert.match(parsed, /^Assisted-by: git-litecode:ollama\/qwen2\.5-coder:7b$/m);
});

test('messages that are not agent commits parse as undefined', () => {
  assert.is(parseAgentCommitMessage('Fix a bug\n\nSigned-off-by: A <a@example.com>\n'), undefined);
  assert.is(parseAgentCommitMessage('Litecode-Kind: edit\n'), undefined, 'a subject is never a trailer');
  assert.is(parseAgentCommitMessage('Subject\n\nLitecode-Kind: edit\nLitecode-Request: x\n\nMore prose after.\n'), undefined);
  assert.is(parseAgentCommitMessage('Subject\n\nLitecode-Kind: rewrite\nLitecode-Request: x\n'), undefined, 'unknown kind');
});

test('trailers added later (cherry-pick -x, Signed-off-by) do not break recognition', () => {
  const message = `${formatAgentCommitMessage(base).trimEnd()}\nSigned-off-by: Test User <test@example.com>\n(cherry picked from commit ${'b'.repeat(40)})\n`;
  assert.equal(parseAgentCommitMessage(message), base);
});

test.run();
