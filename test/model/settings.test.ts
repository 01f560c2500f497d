import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tmpdir } from 'node:os';
import { resolveSettings } from '../../src/config/settings.js';
import { maskSecret } from '../../src/config/mask-secret.js';
import { UsageError } from '../../src/errors/litecode-error.js';
import { runCli } from '../support/run-cli.js';
import { gitIn, makeRepository, useHermeticProcessEnv } from './model-test-repository.js';

const env = useHermeticProcessEnv();

test('defaults apply outside a repository, with ollama and qwen2.5-coder:7b', async () => {
  const { settings, sources } = await resolveSettings({ cwd: tmpdir(), flags: {}, environment: {} });
  assert.is(settings.provider, 'ollama');
  assert.is(settings.model, 'qwen2.5-coder:7b');
  assert.is(settings.ollamaHost, 'http://127.0.0.1:11434');
  assert.is(settings.context, 8192);
  assert.is(settings.outputReserve, 2048);
  assert.is(settings.keepAlive, '10m');
  assert.is(settings.timeoutSeconds, 600);
  assert.is(settings.parallel, 3);
  assert.is(settings.hookTimeoutSeconds, 20);
  assert.is(settings.hookBlock, false);
  assert.equal(sources.model, { kind: 'default' });
});

test('the default model follows the provider unless a model is set', async () => {
  const groq = await resolveSettings({ cwd: tmpdir(), flags: { provider: 'groq' }, environment: {} });
  assert.is(groq.settings.model, 'llama-3.3-70b-versatile');
  const chosen = await resolveSettings({ cwd: tmpdir(), flags: { provider: 'groq', model: 'openai/gpt-oss-20b' }, environment: {} });
  assert.is(chosen.settings.model, 'openai/gpt-oss-20b');
});

test('precedence: flag over environment over local git config over global git config over default', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', '--global', 'litecode.model', 'global-model');
    gitIn(fixture.path, env, 'config', '--global', 'litecode.context', '4096');
    gitIn(fixture.path, env, 'config', '--global', 'litecode.keepAlive', '5m');
    gitIn(fixture.path, env, 'config', '--local', 'litecode.model', 'local-model');
    gitIn(fixture.path, env, 'config', '--local', 'litecode.context', '6144');
    gitIn(fixture.path, env, 'config', '--local', 'litecode.hook.block', 'true');
    const environment = { ...env, LITECODE_CONTEXT: '12000', LITECODE_TIMEOUT: '42' };

    const plain = await resolveSettings({ cwd: fixture.path, flags: {}, environment });
    assert.is(plain.settings.model, 'local-model');
    assert.equal(plain.sources.model, { kind: 'git', scope: 'local', origin: 'file:.git/config' });
    assert.is(plain.settings.keepAlive, '5m');
    assert.equal(plain.sources.keepAlive, { kind: 'git', scope: 'global', origin: `file:${env.GIT_CONFIG_GLOBAL}` });
    assert.is(plain.settings.context, 12000);
    assert.equal(plain.sources.context, { kind: 'environment', variable: 'LITECODE_CONTEXT' });
    assert.is(plain.settings.timeoutSeconds, 42);
    assert.is(plain.settings.hookBlock, true);
    assert.equal(plain.sources.hookBlock, { kind: 'git', scope: 'local', origin: 'file:.git/config' });

    const flagged = await resolveSettings({ cwd: fixture.path, flags: { model: 'flag-model', context: 16384 }, environment });
    assert.is(flagged.settings.model, 'flag-model');
    assert.equal(flagged.sources.model, { kind: 'flag', flag: '--model' });
    assert.is(flagged.settings.context, 16384);

    // Outside the repository only the global scope applies.
    const outside = await resolveSettings({ cwd: tmpdir(), flags: {}, environment: env });
    assert.is(outside.settings.model, 'global-model');
    assert.equal(outside.sources.model, { kind: 'git', scope: 'global', origin: `file:${env.GIT_CONFIG_GLOBAL}` });
  } finally {
    fixture.cleanup();
  }
});

test('the API key comes only from the environment, never from git config', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', '--local', 'litecode.groqApiKey', 'gsk_from_git_config_should_be_ignored');
    const without = await resolveSettings({ cwd: fixture.path, flags: {}, environment: env });
    assert.is(without.settings.groqApiKey, undefined);
    const withKey = await resolveSettings({ cwd: fixture.path, flags: {}, environment: { ...env, GROQ_API_KEY: 'gsk_environment_key_1234' } });
    assert.is(withKey.settings.groqApiKey, 'gsk_environment_key_1234');
    assert.equal(withKey.sources.groqApiKey, { kind: 'environment', variable: 'GROQ_API_KEY' });
  } finally {
    fixture.cleanup();
  }
});

test('OLLAMA_HOST in the forms the Ollama server accepts', async () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1:11500', 'http://127.0.0.1:11500'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['http://gpu-box:11434/', 'http://gpu-box:11434'],
    ['https://ollama.example.com', 'https://ollama.example.com'],
  ];
  for (const [input, expected] of cases) {
    const { settings } = await resolveSettings({ cwd: tmpdir(), flags: {}, environment: { OLLAMA_HOST: input } });
    assert.is(settings.ollamaHost, expected, input);
  }
});

test('a context below 2048 is refused with a usage error naming where it came from', async () => {
  try {
    await resolveSettings({ cwd: tmpdir(), flags: {}, environment: { LITECODE_CONTEXT: '1024' } });
    assert.unreachable('should refuse');
  } catch (error) {
    assert.instance(error, UsageError);
    assert.match((error as Error).message, /1024.*below the minimum of 2048/);
    assert.match((error as Error).message, /\$LITECODE_CONTEXT/);
  }
  const smallest = await resolveSettings({ cwd: tmpdir(), flags: { context: 2048 }, environment: {} });
  assert.is(smallest.settings.outputReserve, 512, 'the default reserve shrinks with a small context');
});

test('bad values are usage errors: odd model names, non-numbers, unknown provider, output reserve too large', async () => {
  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ LITECODE_MODEL: 'qwen; rm -rf /' }, /characters a model name cannot have/],
    [{ LITECODE_MODEL: 'qwen coder' }, /characters a model name cannot have/],
    [{ LITECODE_MODEL: 'model\u0007bell' }, /characters a model name cannot have/],
    [{ LITECODE_MODEL: 'a'.repeat(201) }, /longer than 200/],
    [{ LITECODE_MODEL: '$(whoami)' }, /characters a model name cannot have/],
    [{ LITECODE_CONTEXT: '8kb' }, /not a whole number/],
    [{ LITECODE_CONTEXT: '8.5k' }, /not a whole number/],
    [{ LITECODE_PROVIDER: 'openai' }, /unknown provider/],
    [{ LITECODE_OUTPUT_RESERVE: '8000' }, /leaves no room for a prompt/],
    [{ LITECODE_PARALLEL: '0' }, /at least 1/],
    [{ LITECODE_HOOK_BLOCK: 'maybe' }, /not a boolean/],
    [{ OLLAMA_HOST: 'ftp://host' }, /http or https/],
  ];
  for (const [environment, pattern] of bad) {
    try {
      await resolveSettings({ cwd: tmpdir(), flags: {}, environment });
      assert.unreachable(`should refuse ${JSON.stringify(environment)}`);
    } catch (error) {
      assert.instance(error, UsageError, JSON.stringify(environment));
      assert.match((error as Error).message, pattern);
    }
  }
  for (const good of ['qwen2.5-coder:7b', 'hf.co/bartowski/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M', 'openai/gpt-oss-20b', 'llama3.1:8b-instruct-q4_0']) {
    const { settings } = await resolveSettings({ cwd: tmpdir(), flags: {}, environment: { LITECODE_MODEL: good } });
    assert.is(settings.model, good);
  }
});

test('maskSecret keeps a prefix and the last four characters only', () => {
  assert.is(maskSecret('gsk_abcdefghijklmnopqrstuvwxyz0123'), 'gsk_…0123');
  assert.is(maskSecret('short'), '****');
  assert.is(maskSecret(undefined), undefined);
});

test('git litecode config --json prints values and sources, key masked, and writes no config', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', '--local', 'litecode.context', '4096');
    const configBefore = gitIn(fixture.path, env, 'config', '--list', '--show-origin');
    const key = 'gsk_canarykey_do_not_print_9f8e7d6c';
    const result = await runCli(['config', '--json', '--model', 'qwen2.5-coder:14b'], { cwd: fixture.path, env: { ...env, GROQ_API_KEY: key } });
    assert.is(result.exitCode, 0, result.stderr);
    const printed = JSON.parse(result.stdout);
    assert.equal(printed['litecode.model'], { value: 'qwen2.5-coder:14b', source: 'flag --model', scope: 'flag', origin: '--model' });
    assert.equal(printed['litecode.context'], { value: 4096, source: 'local file:.git/config', scope: 'local', origin: 'file:.git/config' });
    assert.is(printed.GROQ_API_KEY.value, 'gsk_…7d6c');
    assert.equal(printed.GROQ_API_KEY.scope, 'environment');
    assert.ok(!result.stdout.includes(key) && !result.stderr.includes(key));
    assert.is(gitIn(fixture.path, env, 'config', '--list', '--show-origin'), configBefore);

    const text = await runCli(['config'], { cwd: fixture.path, env: { ...env, GROQ_API_KEY: key } });
    assert.is(text.exitCode, 0, text.stderr);
    assert.match(text.stdout, /^litecode\.context\s+4096\s+\(local file:\.git\/config\)$/m);
    assert.match(text.stdout, /^litecode\.provider\s+ollama\s+\(default\)$/m);
    assert.ok(!text.stdout.includes(key));
  } finally {
    fixture.cleanup();
  }
});

test('git litecode config refuses a context below 2048 with exit 2 and one line', async () => {
  const result = await runCli(['config', '--context', '1000'], { cwd: tmpdir(), env });
  assert.is(result.exitCode, 2);
  assert.is(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^error: .*below the minimum of 2048/);
  assert.is(result.stdout, '');
});

test.run();
