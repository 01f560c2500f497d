import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, runCli, runGitForTest } from '../support/run-cli.js';
import { agentScene, promptsFor, type AgentScene } from '../agent/agent-scene.js';

// `git litecode suggest --staged`, alone and as the shipped pre-commit hook runs it, against the
// scripted fake model: what is reviewed, and how long the hook waits for a busy server.
const suggestions = JSON.stringify({ suggestions: [{ line: 6, kind: 'debug-leftover', message: 'Remove the console.log before committing.' }] });
const lockfile = '{\n  "name": "js-app",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n';

function stageDebugLineAndLockfile(scene: AgentScene, options: { source: boolean }): void {
  if (options.source) {
    const api = scene.fileAt('HEAD', 'src/api.js').replace('export async function fetchUser(id) {\n', "export async function fetchUser(id) {\n  console.log('fetching', id);\n");
    writeFileSync(join(scene.dir, 'src/api.js'), api);
    scene.git(['add', 'src/api.js']);
  }
  writeFileSync(join(scene.dir, 'package-lock.json'), lockfile);
  mkdirSync(join(scene.dir, 'vendor'), { recursive: true });
  writeFileSync(join(scene.dir, 'vendor/yarn.lock'), '# yarn lockfile v1\n');
  scene.git(['add', 'package-lock.json', 'vendor/yarn.lock']);
}

test('lockfiles and generated files are not reviewed by default: skipped with the tool that writes them', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: suggestions }]);
  try {
    stageDebugLineAndLockfile(scene, { source: true });
    const result = await scene.litecode(['suggest', '--staged']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /src\/api\.js/);
    assert.match(result.stdout + result.stderr, /package-lock\.json: skipped \(written by npm, not reviewed; npm install regenerates it\)/);
    assert.match(result.stdout + result.stderr, /vendor\/yarn\.lock: skipped \(written by Yarn/);
    const prompts = promptsFor(scene.model, 'suggest');
    assert.is(prompts.length, 1, 'one model call, for the source file only');
    assert.not.match(prompts[0]!, /lockfileVersion/);
  } finally {
    await scene.close();
  }
});

test('--include-generated reviews them too', async () => {
  const reply = { match: { purpose: 'suggest' }, content: '{"suggestions": []}' };
  const scene = await agentScene('js-app', [reply, reply, reply]);
  try {
    stageDebugLineAndLockfile(scene, { source: true });
    const result = await scene.litecode(['suggest', '--staged', '--include-generated']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(promptsFor(scene.model, 'suggest').length, 3);
  } finally {
    await scene.close();
  }
});

test('the hook says nothing and calls no model when only lockfiles are staged', async () => {
  const scene = await agentScene('js-app', []);
  try {
    stageDebugLineAndLockfile(scene, { source: false });
    const result = await scene.litecode(['suggest', '--staged', '--hook']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stdout + result.stderr, '');
    assert.is(scene.model.requests.length, 0);
  } finally {
    await scene.close();
  }
});

/** The fake model behind a server that answers every request `delayMs` late: a model server on a busy machine. */
async function slowProxy(target: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      setTimeout(() => {
        void fetch(`${target}${request.url}`, {
          method: request.method,
          headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)).map(([name, value]) => [name, String(value)])),
          body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks),
        })
          .then(async (answer) => {
            response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
            response.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => response.destroy());
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('on a busy machine (the server answers each request 1.5 s late) the hook still gives its suggestions, within the limit', async () => {
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: suggestions }]);
  const proxy = await slowProxy(scene.model.url, 1500);
  try {
    stageDebugLineAndLockfile(scene, { source: true });
    const bin = mkdtempSync(join(tmpdir(), 'litecode-path-'));
    symlinkSync(binPath, join(bin, 'git-litecode'));
    const env = { ...scene.env, ...scene.model.env('ollama'), OLLAMA_HOST: proxy.url, PATH: `${bin}:${process.env.PATH}`, LITECODE_HOOK_TIMEOUT: '15' };
    const install = await runCli(['hook', 'install'], { cwd: scene.dir, env });
    assert.is(install.exitCode, 0, install.stderr);
    const commit = await runGitForTest(['commit', '-q', '-m', 'add a debug line'], { cwd: scene.dir, env });
    assert.is(commit.exitCode, 0, commit.stderr);
    assert.match(commit.stdout + commit.stderr, /Remove the console\.log/);
    assert.not.match(commit.stderr, /not reachable/);
    assert.ok(commit.durationMs < 16_000, `took ${commit.durationMs} ms`);
  } finally {
    await proxy.close();
    await scene.close();
  }
});

test.run();
