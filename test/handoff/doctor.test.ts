import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';
import { promptlyMs } from '../support/timing.js';

// A stand-in Ollama on 127.0.0.1 that answers the three endpoints doctor reads.
let pulled = ['qwen2.5-coder:7b'];
const server: Server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/api/version') return response.end(JSON.stringify({ version: '0.6.0' }));
    if (request.url === '/api/tags') return response.end(JSON.stringify({ models: pulled.map((name) => ({ name, model: name })) }));
    if (request.url === '/api/show') {
      const { model } = JSON.parse(body) as { model: string };
      if (!pulled.includes(model)) {
        response.statusCode = 404;
        return response.end(JSON.stringify({ error: `model '${model}' not found` }));
      }
      return response.end(JSON.stringify({ model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': 32768 }, details: { family: 'qwen2' } }));
    }
    response.statusCode = 404;
    response.end('{}');
  });
});
const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-doctor-')));
let host = '';
test.before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
const homes: string[] = [];
function environment(options: Parameters<typeof hermeticEnv>[0]): NodeJS.ProcessEnv {
  const env = hermeticEnv(options);
  homes.push(env.HOME!);
  return env;
}
test.after(() => {
  server.close();
  for (const path of [directory, ...homes]) rmSync(path, { recursive: true, force: true });
});

function doctor(extra: Record<string, string | undefined>, identity = true) {
  return runCli(['doctor'], { cwd: directory, env: environment({ identity, extra: { LITECODE_OLLAMA_HOST: host, ...extra } }) });
}

test('everything in place: one ok line per check, exit 0', async () => {
  pulled = ['qwen2.5-coder:7b'];
  const result = await doctor({});
  assert.is(result.exitCode, 0, result.stdout + result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.map((line) => line.split(/\s+/)[0]), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  assert.match(result.stdout, /git version: git \d+\.\d+/);
  assert.match(result.stdout, /user identity: Test User <test@example\.com>/);
  assert.match(result.stdout, /Ollama reachable: Ollama 0\.6\.0/);
  assert.match(result.stdout, /context length: num_ctx 8192 of the model's 32768/);
});

test('model not pulled: the fix is the ollama pull line, exit 3', async () => {
  pulled = ['llama3:8b'];
  const result = await doctor({});
  assert.is(result.exitCode, 3);
  assert.match(result.stdout, /FAIL  model pulled: qwen2\.5-coder:7b is not pulled.*; fix: ollama pull qwen2\.5-coder:7b/);
});

test('Ollama not running: says so quickly, exit 3', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const result = await doctor({ LITECODE_OLLAMA_HOST: `http://127.0.0.1:${port}` });
  assert.is(result.exitCode, 3);
  assert.match(result.stdout, /FAIL  Ollama reachable: Ollama is not running at .*; fix: start it with `ollama serve`/);
  assert.ok(result.durationMs < promptlyMs, `${result.durationMs} ms`);
});

test('num_ctx above what the model supports: the git config line that fixes it, exit 2', async () => {
  pulled = ['qwen2.5-coder:7b'];
  const result = await doctor({ LITECODE_CONTEXT: '65536' });
  assert.is(result.exitCode, 2, result.stdout);
  assert.match(result.stdout, /FAIL  context length: num_ctx 65536 is more than qwen2\.5-coder:7b supports \(32768\); fix: git config litecode\.context 32768/);
});

test('no identity: exit 4 with the git config lines', async () => {
  pulled = ['qwen2.5-coder:7b'];
  const result = await doctor({}, false);
  assert.is(result.exitCode, 4, result.stdout);
  assert.match(result.stdout, /FAIL  user identity: .*fix: git config --global user\.name/);
});

test('Groq without a key: exit 3 and where to get one; --json carries every check', async () => {
  const result = await runCli(['doctor', '--json'], { cwd: directory, env: environment({ extra: { LITECODE_PROVIDER: 'groq' } }) });
  assert.is(result.exitCode, 3);
  const data = JSON.parse(result.stdout);
  assert.is(data.ok, false);
  const key = data.checks.find((check: { name: string }) => check.name === 'Groq key');
  assert.is(key.status, 'fail');
  assert.match(key.fix, /GROQ_API_KEY/);
});

test.run();
