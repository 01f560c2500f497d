import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticEnv } from '../support/hermetic-env.js';
import { startFakeModel, type FakeModelHarness } from '../support/fake-model.js';
import { runCli } from '../support/run-cli.js';

// doctor against the scripted fake server, which serves Ollama's /api/tags and Groq's /openai/v1/models.
const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-doctor-models-')));
const homes: string[] = [];
const servers: FakeModelHarness[] = [];
test.after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  for (const path of [directory, ...homes]) rmSync(path, { recursive: true, force: true });
});

async function fakeServer(models: string[]): Promise<FakeModelHarness> {
  const server = await startFakeModel([], { models: models.map((name) => ({ name, contextLength: 32768 })) });
  servers.push(server);
  return server;
}

function doctor(extra: Record<string, string>, json = false) {
  const env = hermeticEnv({ extra });
  homes.push(env.HOME!);
  return runCli(json ? ['doctor', '--json'] : ['doctor'], { cwd: directory, env });
}

test('doctor names the installed Ollama models instead of counting them', async () => {
  const server = await fakeServer(['llama3.1:8b', 'mistral:7b']);
  const result = await doctor({ ...server.env('ollama'), LITECODE_MODEL: 'qwen2.5-coder:7b' });
  assert.is(result.exitCode, 3);
  assert.match(result.stdout, /FAIL  model pulled: qwen2\.5-coder:7b is not pulled \(installed: llama3\.1:8b, mistral:7b\); fix: ollama pull qwen2\.5-coder:7b/);
  assert.not.match(result.stdout, /other models? available/);
});

test('doctor on a mistyped Ollama model: did you mean the installed one, no ollama pull', async () => {
  const server = await fakeServer(['qwen2.5-coder:7b', 'llama3.1:8b']);
  const result = await doctor({ ...server.env('ollama'), LITECODE_MODEL: 'qwen2.5-codr:7b' });
  assert.is(result.exitCode, 3);
  assert.match(result.stdout, /FAIL  model pulled: qwen2\.5-codr:7b is not pulled \(installed: qwen2\.5-coder:7b, llama3\.1:8b\); fix: did you mean qwen2\.5-coder:7b\? git config litecode\.model qwen2\.5-coder:7b/);
  assert.not.match(result.stdout, /ollama pull/);
});

test('doctor checks the Groq model against Groq\'s model list', async () => {
  const server = await fakeServer(['llama-3.3-70b-versatile', 'openai/gpt-oss-20b']);
  const good = await doctor({ ...server.env('groq'), LITECODE_MODEL: 'openai/gpt-oss-20b' });
  assert.is(good.exitCode, 0, good.stdout + good.stderr);
  assert.match(good.stdout, /ok    Groq reachable: Groq at http:\/\/127\.0\.0\.1:\d+ lists 2 models/);
  assert.match(good.stdout, /ok    Groq model: openai\/gpt-oss-20b/);

  const typo = await doctor({ ...server.env('groq'), LITECODE_MODEL: 'llama-3.3-70b-versatil' });
  assert.is(typo.exitCode, 3, typo.stdout);
  assert.match(typo.stdout, /FAIL  Groq model: Groq has no model llama-3\.3-70b-versatil \(closest: llama-3\.3-70b-versatile\); fix: git config litecode\.model llama-3\.3-70b-versatile/);

  const unknown = await doctor({ ...server.env('groq'), LITECODE_MODEL: 'mixtral-8x7b-32768' }, true);
  assert.is(unknown.exitCode, 3);
  const check = JSON.parse(unknown.stdout).checks.find((candidate: { name: string }) => candidate.name === 'Groq model');
  assert.is(check.status, 'fail');
  assert.match(check.fix, /console\.groq\.com\/docs\/models/);
  const models = server.requests.filter((request) => request.path === '/openai/v1/models');
  assert.ok(models.length >= 3 && models.every((request) => request.headers.authorization === 'Bearer gsk_test_canary_key_0123456789abcdef'), 'the list is read with the key');
});

test('doctor fails when the Groq base URL answers 404 (it is not Groq\'s API), exit 3', async () => {
  const server = await fakeServer(['llama-3.3-70b-versatile']);
  const result = await doctor({ ...server.env('groq'), GROQ_BASE_URL: `${server.url}/not-groq` });
  assert.is(result.exitCode, 3, result.stdout);
  assert.match(result.stdout, /FAIL  Groq reachable: http:\/\/127\.0\.0\.1:\d+\/not-groq\/openai\/v1\/models answered HTTP 404, so this is not Groq's API; fix: check GROQ_BASE_URL/);
  assert.match(result.stdout, /skip  Groq model/);
});

test('doctor on a Groq base URL with a port fetch refuses: names the bad port, exit 3', async () => {
  const result = await doctor({ LITECODE_PROVIDER: 'groq', GROQ_API_KEY: 'gsk_test_canary_key_0123456789abcdef', GROQ_BASE_URL: 'http://127.0.0.1:6000' });
  assert.is(result.exitCode, 3, result.stdout);
  assert.match(result.stdout, /FAIL  Groq reachable: cannot reach Groq at http:\/\/127\.0\.0\.1:6000: fetch refuses to connect to port 6000.*; fix: serve it on another port/);
});

test.run();
