import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, runCli, runGitForTest } from '../support/run-cli.js';
import { agentScene, apiWithRetry, assertOneLineError, promptsFor, type AgentScene } from './agent-scene.js';
import { cliPromptlyMs } from '../support/timing.js';

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
    // A time limit far above the assertion: a down model must be reported at once, not waited out.
    scene.git(['config', 'litecode.hook.timeout', '120']);
    const commit = await commitWithHook(scene, { OLLAMA_HOST: 'http://127.0.0.1:9' });
    assert.is(commit.exitCode, 0, commit.stderr);
    assert.ok(commit.durationMs < cliPromptlyMs, `took ${commit.durationMs} ms`);
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
    assert.is(commit.stderr.match(/no suggestions within 2s/g)?.length, 1, `one line, not one from git-litecode and one from the hook: ${commit.stderr}`);
    assert.ok(commit.durationMs < cliPromptlyMs, `took ${commit.durationMs} ms: the stalled model never answers`);
    assert.is(scene.git(['log', '-1', '--format=%s']).trim(), 'add a debug line');
  } finally {
    await scene.close();
  }
});

test('suggest --staged --hook run directly (husky, lefthook) keeps the time limit itself, aborting the model call', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, failure: 'stall' }]);
  try {
    stageDebugLine(scene);
    // Long enough for the call to be sent on a loaded machine; the stalled model never answers.
    scene.git(['config', 'litecode.hook.timeout', '8']);
    const result = await scene.litecode(['suggest', '--staged', '--hook'], { timeoutMs: 120_000 });
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stderr, 'git-litecode: no suggestions within 8s (litecode.hook.timeout); committing anyway\n');
    assert.is(result.stdout, '');
    assert.ok(result.durationMs < 8000 + cliPromptlyMs, `took ${result.durationMs} ms`);
    assert.is(scene.model.chatRequests().length, 1, 'the call was sent');
    const transcript = readFileSync(join(scene.dir, '.git', 'litecode', 'transcript.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.match(transcript.at(-1).error, /cancelled/, 'the call in flight was aborted, not left to run');
  } finally {
    await scene.close();
  }
});

test('suggest --staged --hook stays silent, with no model call, during a merge or cherry-pick and with nothing staged', async () => {
  const scene = await agentScene('js-app', []);
  try {
    const hook = async (why: string) => {
      const result = await scene.litecode(['suggest', '--staged', '--hook']);
      assert.is(result.exitCode, 0, `${why}: ${result.stderr}`);
      assert.is(result.stdout + result.stderr, '', why);
      assert.is(scene.model.requests.length, 0, `${why}: no request, not even a probe`);
    };
    await hook('nothing staged');

    const conflict = (side: string) => {
      scene.git(['switch', '-q', '-c', side, 'main']);
      writeFileSync(join(scene.dir, 'src/api.js'), `// ${side}\n`);
      scene.git(['commit', '-q', '-am', side]);
      scene.git(['switch', '-q', 'main']);
    };
    conflict('side');
    conflict('other');
    writeFileSync(join(scene.dir, 'src/api.js'), '// main\n');
    scene.git(['commit', '-q', '-am', 'main edit']);

    assert.throws(() => scene.git(['merge', '-q', 'side']), 'the merge conflicts');
    writeFileSync(join(scene.dir, 'src/api.js'), '// resolved\n');
    scene.git(['add', 'src/api.js']);
    await hook('finishing a merge');
    scene.git(['merge', '--abort']);

    assert.throws(() => scene.git(['cherry-pick', 'other']), 'the cherry-pick conflicts');
    writeFileSync(join(scene.dir, 'src/api.js'), '// resolved\n');
    scene.git(['add', 'src/api.js']);
    await hook('finishing a cherry-pick');
    scene.git(['cherry-pick', '--abort']);
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
