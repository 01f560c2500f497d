import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userStates } from '../support/user-state.js';
import { agentScene, apiWithRetry, promptsFor, retryPlan, planReply } from './agent-scene.js';

const request = 'add retry with backoff to fetchUser in src/api.js';

for (const state of userStates) {
  test(`an edit lands as one commit on its own branch (${state} working tree), and the user's state is untouched`, async () => {
    const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }], { state });
    try {
      const head = scene.git(['rev-parse', 'HEAD']).trim();
      const result = await scene.litecode([request]);
      assert.is(result.exitCode, 0, result.stderr);
      const [branch] = scene.agentBranches();
      assert.is(branch, 'litecode/add-retry-with-backoff-to-fetchuser-in-src-api');
      assert.is(scene.fileAt(branch!, 'src/api.js'), apiWithRetry);
      assert.is(scene.git(['rev-parse', `${branch}^`]).trim(), head, 'the agent commit sits on HEAD');
      assert.equal(scene.git(['diff', '--name-only', head, branch!]).trim().split('\n'), ['src/api.js']);
      const message = scene.git(['log', '-1', '--format=%B', branch!]);
      assert.match(message, /^Added retry with exponential backoff to fetchUser in src\/api\.js\.\n/);
      assert.match(message, /Litecode-Request: add retry with backoff to fetchUser in src\/api\.js/);
      assert.match(message, /Assisted-by: git-litecode:ollama\/qwen2\.5-coder:7b/);
      assert.is(scene.git(['log', '-1', '--format=%an <%ae>', branch!]).trim(), 'Test User <test@example.com>');
      assert.match(result.stdout, /git litecode apply/);
      scene.assertFsckClean();
    } finally {
      await scene.close();
    }
  });
}

test('every model call sends num_ctx, num_predict, keep_alive and stream to Ollama', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }]);
  try {
    const result = await scene.litecode([request]);
    assert.is(result.exitCode, 0, result.stderr);
    const chats = scene.model.chatRequests();
    assert.is(chats.length, 2);
    for (const chat of chats) {
      assert.is(chat.path, '/api/chat');
      assert.is(chat.body.options.num_ctx, 8192);
      assert.ok(chat.body.options.num_predict > 0);
      assert.ok(chat.body.keep_alive !== undefined);
      assert.is(chat.body.stream, true);
    }
    assert.ok(chats[0]!.body.format, 'the plan call is grammar-constrained with a JSON schema');
  } finally {
    await scene.close();
  }
});

test('a fenced reply with prose around it is stripped to exactly the file', async () => {
  const fenced = `Here is the updated file:\n\n\`\`\`javascript\n${apiWithRetry}\`\`\`\n\nRun it with node.`;
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: fenced }]);
  try {
    const result = await scene.litecode([request]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'src/api.js'), apiWithRetry);
  } finally {
    await scene.close();
  }
});

test('an elided reply is rejected, retried once with the failure fed back, and the retry lands', async () => {
  const elided = `${apiWithRetry.split('export async function fetchPosts')[0]}// ... rest of the file unchanged\n`;
  const scene = await agentScene('js-app', [
    planReply(retryPlan),
    { match: { purpose: 'edit' }, content: elided },
    { match: { purpose: 'repair' }, content: apiWithRetry },
  ]);
  try {
    const result = await scene.litecode([request]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'src/api.js'), apiWithRetry);
    const [repairPrompt] = promptsFor(scene.model, 'repair');
    assert.ok(repairPrompt, 'a retry was sent');
    assert.match(repairPrompt!, /rejected by an automatic check/);
    assert.match(result.stdout, /first reply refused by the elision check/);
  } finally {
    await scene.close();
  }
});

test('a follow-up stacks on the agent branch, reads its files from there, and sees the previous synthesis', async () => {
  const withJitter = apiWithRetry.replace('await sleep(100 * 2 ** attempt);', 'await sleep(100 * 2 ** attempt + Math.random() * 100);');
  const scene = await agentScene('js-app', [
    planReply(retryPlan, { userContains: 'add retry' }),
    { match: { purpose: 'edit', userContains: 'Retry the request' }, content: apiWithRetry },
    planReply(
      { kind: 'edit', synthesis: 'Added jitter to the fetchUser retry delay in src/api.js.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Add up to 100 ms of jitter to each delay.' }] },
      { userContains: 'jitter' },
    ),
    { match: { purpose: 'edit', userContains: 'jitter' }, content: withJitter },
  ]);
  try {
    assert.is((await scene.litecode([request])).exitCode, 0);
    const [branch] = scene.agentBranches();
    const first = scene.git(['rev-parse', branch!]).trim();
    const result = await scene.litecode(['also add jitter to the retry delay']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.equal(scene.agentBranches(), [branch], 'no new branch: the follow-up stacks');
    assert.is(scene.git(['rev-parse', `${branch}^`]).trim(), first, "the follow-up's parent is the previous agent commit");
    assert.is(scene.fileAt(branch!, 'src/api.js'), withJitter);
    const planPrompts = promptsFor(scene.model, 'plan');
    assert.match(planPrompts[1]!, /Added retry with exponential backoff to fetchUser in src\/api\.js\./, 'memory comes from the previous commit');
    const editPrompts = promptsFor(scene.model, 'edit');
    assert.match(editPrompts[1]!, /for \(let attempt = 1/, 'the follow-up edits the file as the previous change left it');
    assert.match(scene.git(['log', '-1', '--format=%B', branch!]), /Litecode-Kind: followup/);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('two runs of the same request at once both land, on distinct branches, with nothing lost', async () => {
  const scene = await agentScene('js-app', [
    planReply(retryPlan),
    planReply(retryPlan),
    { match: { purpose: 'edit' }, content: apiWithRetry },
    { match: { purpose: 'edit' }, content: apiWithRetry },
  ]);
  try {
    const results = await Promise.all([scene.litecode([request]), scene.litecode([request])]);
    for (const result of results) assert.is(result.exitCode, 0, result.stderr);
    assert.equal(scene.agentBranches().sort(), [
      'litecode/add-retry-with-backoff-to-fetchuser-in-src-api',
      'litecode/add-retry-with-backoff-to-fetchuser-in-src-api-2',
    ]);
    for (const branch of scene.agentBranches()) assert.is(scene.fileAt(branch, 'src/api.js'), apiWithRetry);
    assert.not.match(scene.git(['for-each-ref']), /\.lock/);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('show --calls lists the model calls behind the commit, with the budget each was held to', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }]);
  try {
    assert.is((await scene.litecode([request])).exitCode, 0);
    const shown = await scene.litecode(['show', '--calls']);
    assert.is(shown.exitCode, 0, shown.stderr);
    assert.match(shown.stdout, /^call {5}plan: prompt \d+\/6144 tokens \(context 8192, server counted \d+\), reply \d+ tokens, [\d.]+ s, parsed: constrained$/m);
    assert.match(shown.stdout, /^call {5}edit: prompt \d+\/6144 tokens/m);
    const verbose = await scene.litecode(['show', '--calls', '--verbose']);
    assert.match(verbose.stdout, /\[reply\]\n\s+import \{ buildUrl, parseJson, sleep \}/);
    // Users of difftastic and other external diff tools get them, as with git show.
    const tool = join(mkdtempSync(join(tmpdir(), 'litecode-extdiff-')), 'difftool');
    writeFileSync(tool, '#!/bin/sh\necho "external diff of $1"\n', { mode: 0o755 });
    const external = await scene.litecode(['show'], { extraEnv: { GIT_EXTERNAL_DIFF: tool } });
    assert.match(external.stdout, /external diff of src\/api\.js/);
  } finally {
    await scene.close();
  }
});

test('--new-branch starts a fresh branch even for a follow-up', async () => {
  const scene = await agentScene('js-app', [
    planReply(retryPlan),
    { match: { purpose: 'edit' }, content: apiWithRetry },
    planReply(retryPlan),
    { match: { purpose: 'edit' }, content: apiWithRetry },
  ]);
  try {
    assert.is((await scene.litecode([request])).exitCode, 0);
    const result = await scene.litecode(['also add retry with backoff to fetchUser', '--new-branch']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.agentBranches().length, 2);
  } finally {
    await scene.close();
  }
});

test('a create, then "also add" a second function to the created file', async () => {
  const greet = "export function hello(name) {\n  return `Hello, ${name}!`;\n}\n";
  const greetBoth = `${greet}\nexport function goodbye(name) {\n  return \`Goodbye, \${name}!\`;\n}\n`;
  const scene = await agentScene('js-app', [
    planReply({ kind: 'edit', synthesis: 'Created src/greet.js with hello().', tasks: [{ file: 'src/greet.js', action: 'create', symbols: [], instruction: 'Export hello(name).' }] }, { userContains: 'create' }),
    { match: { purpose: 'edit', userContains: 'hello' }, content: greet },
    planReply({ kind: 'edit', synthesis: 'Added goodbye() to src/greet.js.', tasks: [{ file: 'src/greet.js', action: 'modify', symbols: [], instruction: 'Add goodbye(name).' }] }, { userContains: 'goodbye' }),
    { match: { purpose: 'edit', userContains: 'goodbye' }, content: greetBoth },
  ]);
  try {
    assert.is((await scene.litecode(['create src/greet.js with a hello function'])).exitCode, 0);
    const result = await scene.litecode(['also add a goodbye() function']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = scene.agentBranches();
    assert.is(scene.fileAt(branch!, 'src/greet.js'), greetBoth);
    assert.is(scene.git(['rev-list', '--count', `main..${branch}`]).trim(), '2');
  } finally {
    await scene.close();
  }
});

test.run();
