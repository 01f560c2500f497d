import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { agentScene, apiWithRetry, assertOneLineError, planReply, promptsFor } from './agent-scene.js';

const utilsQuestion = 'how many lines does src/utils.js have?';

test('a question is answered read-only, with facts computed by code in the prompt', async () => {
  const scene = await agentScene(
    'js-app',
    [
      planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count the lines.' }] }),
      { match: { purpose: 'answer' }, content: 'src/utils.js has 11 lines.' },
    ],
    { state: 'dirty' },
  );
  try {
    const refs = scene.git(['for-each-ref']);
    const result = await scene.litecode([utilsQuestion]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stdout.trim(), 'src/utils.js has 11 lines.');
    assert.match(promptsFor(scene.model, 'answer')[0]!, /src\/utils\.js: 11 lines/);
    assert.is(scene.git(['for-each-ref']), refs, 'no branch');
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a question about the whole repository is answered from the repository map', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [] }),
    { match: { purpose: 'answer' }, content: 'validateToken is in src/auth.js.' },
  ]);
  try {
    const result = await scene.litecode(['where is validateToken defined?']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(promptsFor(scene.model, 'answer')[0]!, /Repository map:\n[\s\S]*src\/auth\.js[^\n]*validateToken/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a question the model misroutes as an edit still never writes', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'edit', synthesis: 'Counted lines.', tasks: [{ file: 'src/utils.js', action: 'modify', symbols: [], instruction: 'Write the line count into the file.' }] }),
    { match: { purpose: 'edit' }, content: '11\n' },
    { match: { purpose: 'answer' }, content: 'It has 11 lines.' },
  ]);
  try {
    const result = await scene.litecode([utilsQuestion]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stdout.trim(), 'It has 11 lines.');
    assert.is(promptsFor(scene.model, 'edit').length, 0, 'no edit call for a question');
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('--json gives the answer and the facts as data', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count.' }] }),
    { match: { purpose: 'answer' }, content: 'Eleven.' },
  ]);
  try {
    const result = await scene.litecode([utilsQuestion, '--json']);
    assert.is(result.exitCode, 0, result.stderr);
    const data = JSON.parse(result.stdout);
    assert.is(data.kind, 'question');
    assert.is(data.facts[0].lineCount, 11);
    assert.equal(data.facts[0].symbols.map((symbol: { name: string }) => symbol.name), ['buildUrl', 'parseJson', 'sleep']);
  } finally {
    await scene.close();
  }
});

test('"undo the last change" is mechanical: no model call, the branch moves back', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'edit', synthesis: 'Added retry to fetchUser in src/api.js.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry.' }] }),
    { match: { purpose: 'edit' }, content: apiWithRetry },
  ]);
  try {
    assert.is((await scene.litecode(['add retry to fetchUser'])).exitCode, 0);
    const [branch] = scene.agentBranches();
    const sha = scene.git(['rev-parse', branch!]).trim();
    const callsBefore = scene.model.chatRequests().length;
    const result = await scene.litecode(['undo the last change']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.model.chatRequests().length, callsBefore, 'undo sends nothing to the model');
    assert.equal(scene.agentBranches(), [], 'the branch went back to its base, so it is gone');
    assert.match(result.stdout, new RegExp(`git branch ${branch} ${sha}`), 'says how to get it back');
    scene.assertFsckClean();
    const again = await scene.litecode(['undo the last change']);
    assert.is(again.exitCode, 1, 'nothing left to undo');
  } finally {
    await scene.close();
  }
});

test('"revert what you did to auth.js" is refused when the newest agent change touched another file', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'edit', synthesis: 'Added retry to fetchUser in src/api.js.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry.' }] }),
    { match: { purpose: 'edit' }, content: apiWithRetry },
  ]);
  try {
    assert.is((await scene.litecode(['add retry to fetchUser'])).exitCode, 0);
    const branches = scene.agentBranches();
    assertOneLineError(await scene.litecode(['revert what you did to auth.js']), 1, /did not touch auth\.js/);
    assert.equal(scene.agentBranches(), branches, 'nothing was undone');
    assert.is((await scene.litecode(['revert what you did to api.js'])).exitCode, 0);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('the transcript lives under the git dir and never in the working tree', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count.' }] }),
    { match: { purpose: 'answer' }, content: 'Eleven.' },
  ]);
  try {
    assert.is((await scene.litecode([utilsQuestion])).exitCode, 0);
    assert.ok(existsSync(join(scene.dir, '.git', 'litecode', 'transcript.jsonl')));
    assert.is(scene.git(['status', '--porcelain', '--ignored']).includes('litecode'), false);
  } finally {
    await scene.close();
  }
});

test.run();
