import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentScene, apiWithRetry, planReply, retryPlan, type AgentScene } from '../agent/agent-scene.js';

// A follow-up may only move a branch git-litecode owns: one whose tip is an agent commit and
// which no worktree has checked out. Otherwise it starts a branch of its own and says why.

const withJitter = apiWithRetry.replace('await sleep(100 * 2 ** attempt);', 'await sleep(100 * 2 ** attempt + Math.random() * 100);');
const jitterPlan = {
  kind: 'edit',
  synthesis: 'Added jitter to the fetchUser retry delay in src/api.js.',
  tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Add up to 100 ms of jitter to each delay.' }],
};

function gitAt(directory: string, scene: AgentScene, args: string[]): string {
  return execFileSync('git', args, { cwd: directory, env: scene.env, encoding: 'utf8' });
}

test('a follow-up never moves a litecode/* branch checked out in another worktree: that worktree stays as it was, and a new branch holds the follow-up', async () => {
  const scene = await agentScene('js-app', [
    planReply(retryPlan, { userContains: 'add retry' }),
    { match: { purpose: 'edit', userContains: 'Retry the request' }, content: apiWithRetry },
    planReply(jitterPlan, { userContains: 'jitter' }),
    { match: { purpose: 'edit', userContains: 'jitter' }, content: withJitter },
  ]);
  const other = join(realpathSync(mkdtempSync(join(tmpdir(), 'litecode-other-'))), 'checkout');
  try {
    assert.is((await scene.litecode(['add retry with backoff to fetchUser in src/api.js'])).exitCode, 0);
    const [branch] = scene.agentBranches();
    const agentTip = scene.git(['rev-parse', branch!]).trim();
    scene.git(['worktree', 'add', '-q', other, branch!]);
    const otherBefore = {
      head: gitAt(other, scene, ['rev-parse', 'HEAD']),
      symbolic: gitAt(other, scene, ['symbolic-ref', 'HEAD']),
      status: gitAt(other, scene, ['status', '--porcelain=v1', '--untracked-files=all']),
      api: readFileSync(join(other, 'src/api.js'), 'utf8'),
    };

    const result = await scene.litecode(['also add jitter to the retry delay']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.git(['rev-parse', branch!]).trim(), agentTip, 'the checked-out branch did not move');
    assert.equal(
      {
        head: gitAt(other, scene, ['rev-parse', 'HEAD']),
        symbolic: gitAt(other, scene, ['symbolic-ref', 'HEAD']),
        status: gitAt(other, scene, ['status', '--porcelain=v1', '--untracked-files=all']),
        api: readFileSync(join(other, 'src/api.js'), 'utf8'),
      },
      otherBefore,
      "the other worktree's HEAD, index and files are unchanged",
    );
    const followUpBranch = `${branch}-2`;
    assert.equal(scene.agentBranches().sort(), [branch!, followUpBranch].sort(), 'a new branch holds the follow-up');
    assert.is(scene.git(['rev-parse', `${followUpBranch}^`]).trim(), agentTip, 'it builds on the checked-out branch’s change');
    assert.is(scene.fileAt(followUpBranch, 'src/api.js'), withJitter);
    assert.match(scene.git(['log', '-1', '--format=%B', followUpBranch]), /Litecode-Kind: followup/);
    assert.ok(result.stdout.includes(`(started ${followUpBranch}: ${branch} is checked out in ${other})`), result.stdout);
    scene.assertFsckClean();
  } finally {
    rmSync(join(other, '..'), { recursive: true, force: true });
    await scene.close();
  }
});

test("a follow-up never moves the user's own branch named litecode/foo that holds no agent commit", async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit', userContains: 'Retry the request' }, content: apiWithRetry }]);
  try {
    const head = scene.git(['rev-parse', 'HEAD']).trim();
    // The user's own work on a branch that happens to be called litecode/foo, not checked out anywhere.
    const own = execFileSync('git', ['commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', 'My own experiment'], { cwd: scene.dir, env: scene.env, encoding: 'utf8' }).trim();
    scene.git(['branch', 'litecode/foo', own]);

    const result = await scene.litecode(['also add retry with backoff to fetchUser in src/api.js', '--json']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.git(['rev-parse', 'litecode/foo']).trim(), own, "the user's branch did not move");
    const printed = JSON.parse(result.stdout);
    assert.is.not(printed.branch, 'litecode/foo');
    assert.ok(printed.branch.startsWith('litecode/'), printed.branch);
    assert.is(printed.parent, head, 'the new branch starts from HEAD, not from the user’s commit');
    assert.is(scene.git(['rev-parse', `${printed.branch}^`]).trim(), head);
    assert.match(printed.notStackedBecause, /^litecode\/foo's newest commit [0-9a-f]{7} is not an agent commit$/);
    assert.is(scene.fileAt(printed.branch, 'src/api.js'), apiWithRetry);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test.run();
