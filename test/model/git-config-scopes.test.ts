import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseGitBoolean, parseGitInteger } from '../../src/config/git-config-values.js';
import { binPath, runGitForTest } from '../support/run-cli.js';
import { gitIn, makeRepository, useHermeticProcessEnv } from './model-test-repository.js';

const env = useHermeticProcessEnv();

/** A PATH on which `git litecode` runs this checkout's CLI, so git itself starts it (and passes `-c` on). */
function envWithLitecodeOnPath(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const directory = mkdtempSync(join(tmpdir(), 'litecode-path-'));
  symlinkSync(binPath, join(directory, 'git-litecode'));
  return { ...base, PATH: `${directory}:${base.PATH}` };
}

const gitEnv = envWithLitecodeOnPath(env);

function configJson(stdout: string): Record<string, { value: unknown; source: string; scope: string; origin: string | null }> {
  return JSON.parse(stdout);
}

test('git -c litecode.<key>=<value> litecode config: the value counts, with source "command line", in a repository and outside one', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', '--local', 'litecode.model', 'local-model');
    for (const cwd of [fixture.path, tmpdir()]) {
      const result = await runGitForTest(['-c', 'litecode.model=qwen2.5-coder:1.5b', '-c', 'litecode.hook.timeout=7', 'litecode', 'config'], { cwd, env: gitEnv });
      assert.is(result.exitCode, 0, result.stderr);
      assert.match(result.stdout, /^litecode\.model\s+qwen2\.5-coder:1\.5b\s+\(command line\)$/m);
      assert.match(result.stdout, /^litecode\.hook\.timeout\s+7\s+\(command line\)$/m);
      const json = await runGitForTest(['-c', 'litecode.model=qwen2.5-coder:1.5b', 'litecode', 'config', '--json'], { cwd, env: gitEnv });
      assert.is(json.exitCode, 0, json.stderr);
      assert.equal(configJson(json.stdout)['litecode.model'], { value: 'qwen2.5-coder:1.5b', source: 'command line', scope: 'command', origin: 'command line:' });
    }
    // GIT_CONFIG_COUNT is git's environment form of -c, and reaches the child the same way.
    const counted = await runGitForTest(['litecode', 'config', '--json'], {
      cwd: fixture.path,
      env: { ...gitEnv, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'litecode.parallel', GIT_CONFIG_VALUE_0: '5' },
    });
    assert.is(counted.exitCode, 0, counted.stderr);
    assert.equal(configJson(counted.stdout)['litecode.parallel']!.value, 5);
    assert.equal(configJson(counted.stdout)['litecode.parallel']!.scope, 'command');
  } finally {
    fixture.cleanup();
  }
});

test('key names as git compares them: section and key case-insensitive, the subsection exact (litecode.Hook.timeout is another key)', async () => {
  const fixture = await makeRepository(env);
  try {
    const run = (...config: string[]) => runGitForTest([...config.flatMap((entry) => ['-c', entry]), 'litecode', 'config', '--json'], { cwd: fixture.path, env: gitEnv });
    const upper = await run('LiteCode.Context=16k', 'LITECODE.hook.TIMEOUT=7');
    assert.is(upper.exitCode, 0, upper.stderr);
    assert.is(configJson(upper.stdout)['litecode.context']!.value, 16384);
    assert.is(configJson(upper.stdout)['litecode.hook.timeout']!.value, 7);
    // git itself does not read a differently-cased subsection as litecode.hook.*, nor does the shipped hook.
    assert.is(spawnSync('git', ['-c', 'litecode.Hook.timeout=7', 'config', '--get', 'litecode.hook.timeout'], { cwd: fixture.path, env }).status, 1);
    const subsection = await run('litecode.Hook.timeout=7', 'litecode.HOOK.block=true');
    assert.is(subsection.exitCode, 0, subsection.stderr);
    assert.is(configJson(subsection.stdout)['litecode.hook.timeout']!.value, 20);
    assert.is(configJson(subsection.stdout)['litecode.hook.timeout']!.scope, 'default');
    assert.is(configJson(subsection.stdout)['litecode.hook.block']!.value, false);
  } finally {
    fixture.cleanup();
  }
});

test('includeIf "gitdir:" in the global config applies to repositories under that folder only (the work/personal split)', async () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-include-')));
  const workConfig = join(root, 'work.gitconfig');
  writeFileSync(workConfig, '[litecode]\n\tmodel = work-model:7b\n\tcontext = 12k\n');
  const home = join(root, 'home.gitconfig');
  writeFileSync(home, `[user]\n\tname = Test User\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[includeIf "gitdir:${root}/work/"]\n\tpath = ${workConfig}\n`);
  const includeEnv = { ...gitEnv, GIT_CONFIG_GLOBAL: home };
  for (const folder of ['work/project', 'personal/project']) {
    mkdirSync(join(root, folder), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: join(root, folder), env: includeEnv });
  }
  const work = await runGitForTest(['litecode', 'config', '--json'], { cwd: join(root, 'work/project'), env: includeEnv });
  assert.is(work.exitCode, 0, work.stderr);
  assert.equal(configJson(work.stdout)['litecode.model'], { value: 'work-model:7b', source: `global file:${workConfig}`, scope: 'global', origin: `file:${workConfig}` });
  assert.is(configJson(work.stdout)['litecode.context']!.value, 12288);
  const personal = await runGitForTest(['litecode', 'config', '--json'], { cwd: join(root, 'personal/project'), env: includeEnv });
  assert.is(personal.exitCode, 0, personal.stderr);
  assert.equal(configJson(personal.stdout)['litecode.model']!.source, 'default');
});

test('system config (GIT_CONFIG_SYSTEM) counts, below global, local and worktree config, as in git', async () => {
  const fixture = await makeRepository(env);
  try {
    const system = join(fixture.path, '..', `${fixture.path.split('/').pop()}-system.gitconfig`);
    writeFileSync(system, '[litecode]\n\tmodel = system-model\n\tkeepAlive = 1h\n\ttimeout = 90\n\tparallel = 2\n');
    const systemEnv: NodeJS.ProcessEnv = { ...gitEnv, GIT_CONFIG_SYSTEM: system };
    delete systemEnv.GIT_CONFIG_NOSYSTEM;
    gitIn(fixture.path, systemEnv, 'config', '--global', 'litecode.timeout', '45');
    gitIn(fixture.path, systemEnv, 'config', '--local', 'litecode.parallel', '4');
    gitIn(fixture.path, systemEnv, 'config', '--local', 'extensions.worktreeConfig', 'true');
    gitIn(fixture.path, systemEnv, 'config', '--worktree', 'litecode.model', 'worktree-model');
    const result = await runGitForTest(['litecode', 'config', '--json'], { cwd: fixture.path, env: systemEnv });
    assert.is(result.exitCode, 0, result.stderr);
    const printed = configJson(result.stdout);
    assert.equal(printed['litecode.keepAlive'], { value: '1h', source: `system file:${system}`, scope: 'system', origin: `file:${system}` });
    assert.equal([printed['litecode.timeout']!.value, printed['litecode.timeout']!.scope], [45, 'global']);
    assert.equal([printed['litecode.parallel']!.value, printed['litecode.parallel']!.scope], [4, 'local']);
    assert.equal([printed['litecode.model']!.value, printed['litecode.model']!.scope], ['worktree-model', 'worktree']);
    // Precedence stays: flag over environment over git config.
    const flagged = await runGitForTest(['-c', 'litecode.timeout=30', 'litecode', 'config', '--json', '--timeout', '12'], { cwd: fixture.path, env: { ...systemEnv, LITECODE_PARALLEL: '6' } });
    assert.is(flagged.exitCode, 0, flagged.stderr);
    const flaggedJson = configJson(flagged.stdout);
    assert.equal(flaggedJson['litecode.timeout'], { value: 12, source: 'flag --timeout', scope: 'flag', origin: '--timeout' });
    assert.equal(flaggedJson['litecode.parallel'], { value: 6, source: 'environment LITECODE_PARALLEL', scope: 'environment', origin: 'LITECODE_PARALLEL' });
  } finally {
    fixture.cleanup();
  }
});

test('integers take git\'s k, m and g suffixes: 16k is a context of 16384', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', 'litecode.context', '16k');
    const result = await runGitForTest(['litecode', 'config', '--json'], { cwd: fixture.path, env: gitEnv });
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(configJson(result.stdout)['litecode.context']!.value, 16384);
    assert.is(configJson(result.stdout)['litecode.context']!.value, Number(gitIn(fixture.path, env, 'config', '--type=int', 'litecode.context').trim()));
    const text = await runGitForTest(['-c', 'litecode.outputReserve=1k', 'litecode', 'config'], { cwd: fixture.path, env: gitEnv });
    assert.match(text.stdout, /^litecode\.context\s+16384\s+\(local file:\.git\/config\)$/m);
    assert.match(text.stdout, /^litecode\.outputReserve\s+1024\s+\(command line\)$/m);
    // The flag reads numbers the same way.
    const flagged = await runGitForTest(['litecode', 'config', '--context', '32k'], { cwd: fixture.path, env: gitEnv });
    assert.match(flagged.stdout, /^litecode\.context\s+32768\s+\(flag --context\)$/m);
    const badFlag = await runGitForTest(['litecode', 'config', '--context', '16q'], { cwd: fixture.path, env: gitEnv });
    assert.is(badFlag.exitCode, 2);
    assert.match(badFlag.stderr, /^error: the --context flag is not a whole number: "16q"/);
  } finally {
    fixture.cleanup();
  }
});

test('a time in seconds refuses git\'s k/m/g suffixes (10m would be 10485760 s, not ten minutes), from config, environment or flag; other integers explain with their own example', async () => {
  const fixture = await makeRepository(env);
  try {
    const runs = [
      ['-c', 'litecode.timeout=10m', 'litecode', 'config'],
      ['-c', 'litecode.hook.timeout=1m', 'litecode', 'config'],
      ['litecode', 'config', '--timeout', '2m'],
    ];
    for (const args of runs) {
      const result = await runGitForTest(args, { cwd: fixture.path, env: gitEnv });
      assert.is(result.exitCode, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /is in seconds, and "\d+m" reads as \d+ of them .*; write the seconds as a plain number, e\.g\. \d+$/m);
    }
    const environment = await runGitForTest(['litecode', 'config'], { cwd: fixture.path, env: { ...gitEnv, LITECODE_TIMEOUT: '10m' } });
    assert.is(environment.exitCode, 2);
    assert.match(environment.stderr, /^error: \$LITECODE_TIMEOUT is in seconds/);
    const plain = await runGitForTest(['-c', 'litecode.timeout=90', 'litecode', 'config', '--json'], { cwd: fixture.path, env: gitEnv });
    assert.is(configJson(plain.stdout)['litecode.timeout']!.value, 90);
    const parallel = await runGitForTest(['-c', 'litecode.parallel=lots', 'litecode', 'config'], { cwd: fixture.path, env: gitEnv });
    assert.is(parallel.exitCode, 2);
    assert.match(parallel.stderr, /set concurrent Groq calls as a whole number, e\.g\. 3 \(/);
  } finally {
    fixture.cleanup();
  }
});

test('a bad value is a one-line usage error naming the key and the file it came from', async () => {
  const fixture = await makeRepository(env);
  try {
    gitIn(fixture.path, env, 'config', '--global', 'litecode.timeout', 'soon');
    const result = await runGitForTest(['litecode', 'config'], { cwd: fixture.path, env: gitEnv });
    assert.is(result.exitCode, 2);
    assert.is(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.is(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^error: litecode\.timeout \(global file:.*\.gitconfig\) is not a whole number: "soon"/);
    assert.ok(lines[0]!.includes(env.GIT_CONFIG_GLOBAL!), lines[0]);
    gitIn(fixture.path, env, 'config', '--global', '--unset', 'litecode.timeout');

    const boolean = await runGitForTest(['-c', 'litecode.hook.block=maybe', 'litecode', 'config'], { cwd: fixture.path, env: gitEnv });
    assert.is(boolean.exitCode, 2);
    assert.match(boolean.stderr, /^error: litecode\.hook\.block \(command line\) is not a boolean: "maybe"/);
    const tooBig = await runGitForTest(['-c', 'litecode.context=9999999999g', 'litecode', 'config'], { cwd: fixture.path, env: gitEnv });
    assert.is(tooBig.exitCode, 2);
    assert.match(tooBig.stderr, /^error: litecode\.context \(command line\) is out of range/);
  } finally {
    fixture.cleanup();
  }
});

test('booleans as git reads them: yes/on/1/a bare key are true, no/off/0/empty are false', async () => {
  const fixture = await makeRepository(env);
  try {
    for (const [setting, expected] of [['litecode.hook.block=yes', true], ['litecode.hook.block=On', true], ['litecode.hook.block=1', true], ['litecode.hook.block', true], ['litecode.hook.block=off', false], ['litecode.hook.block=', false], ['litecode.hook.block=0', false]] as const) {
      const result = await runGitForTest(['-c', setting, 'litecode', 'config', '--json'], { cwd: fixture.path, env: gitEnv });
      assert.is(result.exitCode, 0, `${setting}: ${result.stderr}`);
      assert.is(configJson(result.stdout)['litecode.hook.block']!.value, expected, setting);
    }
  } finally {
    fixture.cleanup();
  }
});

/** git's own verdict on one value: the number (or boolean) it prints, or undefined when it refuses. */
function gitReads(type: 'int' | 'bool', value: string | null): string | undefined {
  const setting = value === null ? 'probe.value' : `probe.value=${value}`;
  const result = spawnSync('git', ['-c', setting, 'config', `--type=${type}`, 'probe.value'], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

test('parseGitInteger and parseGitBoolean agree with git config --type=int / --type=bool', () => {
  const integers = ['16k', '16K', '1m', '1g', '0', '42', '-3', '+4', ' 12', '12 ', '0x10', '0X1f', '010', '08', '0x', '1.5', '', 'k', '1kk', '1kb', '8192', '2g', '9999999999g', '-1k', '99999999999999999999'];
  for (const text of integers) {
    const ours = parseGitInteger(text);
    assert.is(ours.ok ? String(ours.value) : undefined, gitReads('int', text), JSON.stringify(text));
  }
  const booleans: (string | null)[] = [null, '', 'true', 'TRUE', 'yes', 'on', 'false', 'No', 'off', '1', '0', '2', '-1', '1k', 'maybe', 'truthy', '0x0', '9999999999'];
  for (const text of booleans) {
    const ours = parseGitBoolean(text);
    assert.is(ours === undefined ? undefined : String(ours), gitReads('bool', text), JSON.stringify(text));
  }
});

test.run();
