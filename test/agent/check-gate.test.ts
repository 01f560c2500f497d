import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentScene, assertOneLineError, planReply, promptsFor } from './agent-scene.js';

const original = readFileSync(new URL('../../fixtures-repos/js-app/src/auth.js', import.meta.url), 'utf8');
const limited = original.replace("if (typeof token !== 'string') return false;", "if (typeof token !== 'string' || token.length > 200) return false;");
const broken = original.replace("if (typeof token !== 'string') return false;", "if (typeof token !== 'string' || token.length > 10) return false;");
const plan = planReply({
  kind: 'edit',
  synthesis: 'Made validateToken reject tokens over 200 characters in src/auth.js.',
  tasks: [{ file: 'src/auth.js', action: 'modify', symbols: ['validateToken'], instruction: 'Return false for tokens longer than 200 characters.' }],
});

test('--check runs the command in a throwaway checkout of the new commit, removed afterwards', async () => {
  const scene = await agentScene('js-app', [plan, { match: { purpose: 'edit' }, content: limited }]);
  try {
    const record = join(mkdtempSync(join(tmpdir(), 'litecode-gate-')), 'cwd');
    const result = await scene.litecode(['make validateToken reject long tokens', '--check', `pwd > ${record} && node test/auth.test.js`]);
    assert.is(result.exitCode, 0, result.stderr);
    const checkout = readFileSync(record, 'utf8').trim();
    assert.ok(!checkout.startsWith(scene.dir), 'outside the user working tree');
    assert.ok(!existsSync(checkout), 'removed after the check');
    assert.is(scene.git(['worktree', 'list', '--porcelain']).split('\n').filter((line) => line.startsWith('worktree ')).length, 1, 'no worktree registered');
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'src/auth.js'), limited);
  } finally {
    await scene.close();
  }
});

test('a failing check gets one repair attempt with its output fed back', async () => {
  const scene = await agentScene('js-app', [
    plan,
    { match: { purpose: 'edit', userContains: 'failed on your previous change' }, content: limited },
    { match: { purpose: 'edit' }, content: broken },
  ]);
  try {
    const result = await scene.litecode(['make validateToken reject long tokens', '--check', 'node test/auth.test.js']);
    assert.is(result.exitCode, 0, result.stderr);
    const prompts = promptsFor(scene.model, 'edit');
    assert.is(prompts.length, 2);
    assert.match(prompts[1]!, /AssertionError/);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'src/auth.js'), limited);
  } finally {
    await scene.close();
  }
});

test('a check that still fails after the repair is a refusal with nothing committed', async () => {
  const scene = await agentScene('js-app', [plan, { match: { purpose: 'edit' }, content: broken }, { match: { purpose: 'edit' }, content: broken.replace('> 10', '> 11') }]);
  try {
    const result = await scene.litecode(['make validateToken reject long tokens', '--check', 'node test/auth.test.js']);
    assertOneLineError(result, 1, /check `node test\/auth\.test\.js` failed/);
    assert.equal(scene.agentBranches(), []);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test.run();
