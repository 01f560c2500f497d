import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binPath } from '../support/run-cli.js';
import { snapshotUserState, assertUserStateUnchanged } from '../support/user-state.js';
import { agentScene, apiWithRetry, assertOneLineError, planReply, promptsFor, retryPlan } from './agent-scene.js';

const inventory = readFileSync(new URL('../../fixtures-repos/ts-lib/src/inventory.ts', import.meta.url), 'utf8');
const method7 = inventory.slice(inventory.indexOf('  adjustCategory7('), inventory.indexOf('  /** Rule 8'));
const method7Clamped = method7
  .replace('item.quantity = Math.max(0, item.quantity + delta * 7);', 'item.quantity = Math.min(1000, Math.max(0, item.quantity + delta * 7));')
  .trimEnd();

test('a file over the output budget is edited in symbol mode: only the symbol is sent back and spliced in', async () => {
  const scene = await agentScene('ts-lib', [
    planReply({
      kind: 'edit',
      synthesis: 'Capped stock at 1000 in adjustCategory7 in src/inventory.ts.',
      tasks: [{ file: 'src/inventory.ts', action: 'modify', symbols: ['adjustCategory7'], instruction: 'Cap the quantity at 1000.' }],
    }),
    { match: { purpose: 'edit' }, content: `\`\`\`ts\n${method7Clamped.replace(/^ {2}/gm, '  ')}\n\`\`\`` },
  ]);
  try {
    const result = await scene.litecode(['cap stock at 1000 in adjustCategory7']);
    assert.is(result.exitCode, 0, result.stderr);
    const landed = scene.fileAt(scene.agentBranches()[0]!, 'src/inventory.ts');
    assert.is(landed, inventory.replace(method7.trimEnd(), method7Clamped));
    const [prompt] = promptsFor(scene.model, 'edit');
    assert.not.match(prompt!, /unknown sku \$\{sku\} in category 40/, 'other method bodies are not sent');
    assert.match(prompt!, /adjustCategory40/, 'the outline is');
  } finally {
    await scene.close();
  }
});

test('a file over the budget with no named symbol is refused without an edit call', async () => {
  const scene = await agentScene('ts-lib', [
    planReply({
      kind: 'edit',
      synthesis: 'Reformatted src/inventory.ts.',
      tasks: [{ file: 'src/inventory.ts', action: 'modify', symbols: [], instruction: 'Reformat everything.' }],
    }),
  ]);
  try {
    const result = await scene.litecode(['reformat src/inventory.ts']);
    assertOneLineError(result, 1, /does not fit the model's context/);
    assert.is(promptsFor(scene.model, 'edit').length, 0);
  } finally {
    await scene.close();
  }
});

test('no request is sent that does not fit the context', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }]);
  try {
    const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--context', '2048']);
    for (const request of scene.model.chatRequests()) {
      const text = JSON.stringify(request.body.messages);
      assert.ok(text.length / 4 < 2048, 'every prompt fits the small context');
      assert.is(request.body.options.num_ctx, 2048);
    }
    assert.ok(result.exitCode === 0 || result.exitCode === 1, result.stderr);
  } finally {
    await scene.close();
  }
});

test('Ctrl-C during a stalled model stream exits 130 with nothing committed and no leftovers', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, failure: 'stall' }]);
  try {
    const before = snapshotUserState(scene.dir, scene.env);
    const child = spawn(process.execPath, [binPath, 'add retry with backoff to fetchUser in src/api.js'], {
      cwd: scene.dir,
      env: { ...scene.env, ...scene.model.env('ollama') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const deadline = Date.now() + 20_000;
    while (promptsFor(scene.model, 'edit').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.is(promptsFor(scene.model, 'edit').length, 1, 'the edit call started');
    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.is(exitCode, 130, stderr);
    assert.match(stderr, /interrupted; nothing was committed/);
    assert.equal(scene.agentBranches(), []);
    const scratch = join(scene.dir, '.git', 'litecode', 'scratch');
    assert.ok(!existsSync(scratch) || readdirSync(scratch).length === 0);
    assertUserStateUnchanged(before, snapshotUserState(scene.dir, scene.env));
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test.run();
