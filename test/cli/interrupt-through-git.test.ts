import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentScene, planReply, promptsFor, retryPlan } from '../agent/agent-scene.js';
import { binPath } from '../support/run-cli.js';
import { assertUserStateUnchanged, snapshotUserState } from '../support/user-state.js';

/** A PATH on which `git-litecode` is this checkout's CLI, so that `git litecode` finds it. */
function pathWithLitecode(): string {
  const directory = mkdtempSync(join(tmpdir(), 'litecode-path-'));
  symlinkSync(binPath, join(directory, 'git-litecode'));
  return `${directory}:${process.env.PATH}`;
}

test('Ctrl-C through `git litecode` prints its line once, exits 130 and leaves nothing behind', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, failure: 'stall' }]);
  try {
    const before = snapshotUserState(scene.dir, scene.env);
    // Its own process group, as a shell gives a foreground job: a terminal's Ctrl-C signals
    // the whole group (git and git-litecode), and git forwards the signal to its child as well.
    const child = spawn('git', ['litecode', 'add retry with backoff to fetchUser in src/api.js'], {
      cwd: scene.dir,
      env: { ...scene.env, ...scene.model.env('ollama'), PATH: pathWithLitecode() },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 30_000;
    while (promptsFor(scene.model, 'edit').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.is(promptsFor(scene.model, 'edit').length, 1, 'the edit call started');
    process.kill(-child.pid!, 'SIGINT');
    const { code, signal } = await closed;
    // git re-raises the signal on itself after its child ended: the shell reports 130 either way.
    assert.ok(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}: ${stderr}`);
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines, ['error: interrupted; nothing was committed; run the request again when ready'], stderr);
    assert.is(stdout, '');
    assert.equal(scene.agentBranches(), []);
    const scratch = join(scene.dir, '.git', 'litecode', 'scratch');
    assert.ok(!existsSync(scratch) || readdirSync(scratch).length === 0, 'no scratch leftovers');
    assert.is(scene.git(['worktree', 'list', '--porcelain']).split('\n').filter((line) => line.startsWith('worktree ')).length, 1, 'no scratch worktree');
    assertUserStateUnchanged(before, snapshotUserState(scene.dir, scene.env));
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('Ctrl-C during `git litecode suggest --staged` prints its line once too', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, failure: 'stall' }]);
  try {
    const api = scene.fileAt('HEAD', 'src/api.js').replace('export async function fetchUser(id) {\n', "export async function fetchUser(id) {\n  console.log('fetching', id);\n");
    writeFileSync(join(scene.dir, 'src/api.js'), api);
    scene.git(['add', 'src/api.js']);
    const child = spawn('git', ['litecode', 'suggest', '--staged'], {
      cwd: scene.dir,
      env: { ...scene.env, ...scene.model.env('ollama'), PATH: pathWithLitecode() },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 30_000;
    while (promptsFor(scene.model, 'suggest').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.is(promptsFor(scene.model, 'suggest').length, 1, 'the suggest call started');
    process.kill(-child.pid!, 'SIGINT');
    const { code, signal } = await closed;
    assert.ok(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}: ${stderr}`);
    assert.equal(stderr.split('\n').filter((line) => line.trim() !== ''), ['error: interrupted; nothing was committed; run the request again when ready'], stderr);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('a second Ctrl-C pressed later still exits at once', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, failure: 'stall' }]);
  try {
    const child = spawn(process.execPath, [binPath, 'add retry with backoff to fetchUser in src/api.js'], {
      cwd: scene.dir,
      env: { ...scene.env, ...scene.model.env('ollama') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 30_000;
    while (promptsFor(scene.model, 'edit').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    const first = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('running'), 1500))]);
    if (first === 'running') child.kill('SIGINT');
    assert.is(await closed, 130);
  } finally {
    await scene.close();
  }
});

test.run();
