import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, runCli, runGitForTest } from '../support/run-cli.js';
import { agentScene, apiWithRetry, assertOneLineError, promptsFor, type AgentScene } from './agent-scene.js';

/** A PATH on which `git-litecode` is this checkout's CLI, as after the README's install command. */
function pathWithLitecode(): string {
  const directory = mkdtempSync(join(tmpdir(), 'litecode-path-'));
  symlinkSync(binPath, join(directory, 'git-litecode'));
  return `${directory}:${process.env.PATH}`;
}

const suggestions = JSON.stringify({ suggestions: [{ line: 6, kind: 'debug-leftover', message: 'Remove the console.log before committing.' }] });
const debugLine = "  console.log('fetching', id);\n";

function stageDebugLine(scene: AgentScene): void {
  const api = scene.fileAt('HEAD', 'src/api.js').replace("export async function fetchUser(id) {\n", `export async function fetchUser(id) {\n${debugLine}`);
  writeFileSync(join(scene.dir, 'src/api.js'), api);
  scene.git(['add', 'src/api.js']);
}

async function commitWithHook(scene: AgentScene, env: Record<string, string>) {
  const hookEnv = { ...scene.env, ...scene.model.env('ollama'), PATH: pathWithLitecode(), ...env };
  const install = await runCli(['hook', 'install'], { cwd: scene.dir, env: hookEnv });
  assert.is(install.exitCode, 0, install.stderr);
  return runGitForTest(['commit', '-q', '-m', 'add a debug line'], { cwd: scene.dir, env: hookEnv });
}

test('suggest --staged prints concrete suggestions per file, reading only the staged change', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: suggestions }]);
  try {
    stageDebugLine(scene);
    writeFileSync(join(scene.dir, 'src/utils.js'), '// an unstaged edit that must not be sent\n');
    const result = await scene.litecode(['suggest', '--staged']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /src\/api\.js\n\s+6\s+debug-leftover\s+Remove the console\.log/);
    const [prompt] = promptsFor(scene.model, 'suggest');
    assert.match(prompt!, /console\.log\('fetching', id\)/);
    assert.not.match(JSON.stringify(scene.model.requests), /an unstaged edit that must not be sent/);
  } finally {
    await scene.close();
  }
});

test('suggest with nothing staged is a usage error', async () => {
  const scene = await agentScene('js-app', []);
  try {
    assertOneLineError(await scene.litecode(['suggest', '--staged']), 2, /nothing is staged/);
  } finally {
    await scene.close();
  }
});

test('suggest skips a staged binary file', async () => {
  const scene = await agentScene('js-app', []);
  try {
    writeFileSync(join(scene.dir, 'logo.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
    scene.git(['add', 'logo.bin']);
    const result = await scene.litecode(['suggest', '--staged']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /logo\.bin: skipped \(binary\)/);
    assert.is(scene.model.chatRequests().length, 0);
  } finally {
    await scene.close();
  }
});

test('suggest --write turns the suggestions into a checked agent branch', async () => {
  const fixed = apiWithRetry; // any valid edit of fetchUser that removes the debug line will do
  const scene = await agentScene('js-app', [
    { match: { purpose: 'suggest' }, content: suggestions },
    { match: { purpose: 'edit' }, content: fixed.replace(debugLine, '') },
  ]);
  try {
    stageDebugLine(scene);
    const result = await scene.litecode(['suggest', '--staged', '--write']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = scene.agentBranches();
    assert.match(branch!, /^litecode\/suggest-[0-9a-f]{7}/);
    assert.match(scene.git(['log', '-1', '--format=%B', branch!]), /Litecode-Kind: suggest/);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('the pre-commit hook shows suggestions and the commit goes through', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: suggestions }]);
  try {
    stageDebugLine(scene);
    const commit = await commitWithHook(scene, {});
    assert.is(commit.exitCode, 0, commit.stderr);
    assert.match(commit.stdout + commit.stderr, /Remove the console\.log/);
    assert.is(scene.git(['log', '-1', '--format=%s']).trim(), 'add a debug line');
  } finally {
    await scene.close();
  }
});

test('with the model down, the commit goes through in under 3 s with one line', async () => {
  const scene = await agentScene('js-app', []);
  try {
    stageDebugLine(scene);
    const commit = await commitWithHook(scene, { OLLAMA_HOST: 'http://127.0.0.1:9' });
    assert.is(commit.exitCode, 0, commit.stderr);
    assert.ok(commit.durationMs < 3000, `took ${commit.durationMs} ms`);
    assert.match(commit.stderr, /not reachable/);
    assert.is(scene.git(['log', '-1', '--format=%s']).trim(), 'add a debug line');
  } finally {
    await scene.close();
  }
});

test('with the model hanging, the commit goes through at litecode.hook.timeout', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, failure: 'stall' }]);
  try {
    stageDebugLine(scene);
    scene.git(['config', 'litecode.hook.timeout', '2']);
    const commit = await commitWithHook(scene, {});
    assert.is(commit.exitCode, 0, commit.stderr);
    assert.match(commit.stderr, /no suggestions within 2s/);
    assert.ok(commit.durationMs < 6000, `took ${commit.durationMs} ms`);
    assert.is(scene.git(['log', '-1', '--format=%s']).trim(), 'add a debug line');
  } finally {
    await scene.close();
  }
});

test('an existing pre-commit hook is chained and its failing exit code still blocks the commit', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: suggestions }]);
  try {
    const hooks = join(scene.dir, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho "the team lint hook says no" >&2\nexit 3\n');
    chmodSync(join(hooks, 'pre-commit'), 0o755);
    stageDebugLine(scene);
    const commit = await commitWithHook(scene, {});
    assert.is(commit.exitCode, 1, 'git reports the failed hook');
    assert.match(commit.stderr, /the team lint hook says no/);
    assert.is(scene.git(['log', '-1', '--format=%s']).trim(), 'Initial js-app', 'no commit was made');
  } finally {
    await scene.close();
  }
});

test.run();
