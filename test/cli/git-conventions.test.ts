import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentScene, apiWithRetry, planReply, retryPlan } from '../agent/agent-scene.js';
import { git, makeAgentCommit, openRepository } from '../git/agent-commit-helpers.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { binPath, runCli, runGitForTest, type CliResult } from '../support/run-cli.js';

const colourCode = '\x1b[36m'; // log paints each sha cyan
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-conventions-')));
const pathDirectory = join(scratch, 'bin');
spawnSync('mkdir', ['-p', pathDirectory]);
symlinkSync(binPath, join(pathDirectory, 'git-litecode'));

const fixtures: FixtureRepo[] = [];
test.after(() => {
  fixtures.forEach((fixture) => fixture.cleanup());
  rmSync(scratch, { recursive: true, force: true });
});

/** A repository with one pending agent commit, and an environment in which `git litecode` finds this checkout. */
async function repositoryWithAgentCommit(extra: Record<string, string | undefined> = {}) {
  const env = hermeticEnv({ extra: { PATH: `${pathDirectory}:${process.env.PATH}`, ...extra } });
  const fixture = await buildFixtureRepo('js-app', { env });
  fixtures.push(fixture);
  const commit = await makeAgentCommit(await openRepository(fixture.dir, env), { request: 'rename validateToken to verifyToken', files: { 'src/auth.js': 'verify\n' } });
  return { dir: fixture.dir, env, ...commit };
}

/** `git <args>` with stdout a pipe, as a script sees it. */
function throughGit(dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
  return runGitForTest(args, { cwd: dir, env });
}

/** `command` in a real pseudo-terminal (util-linux `script`): stdout is a TTY, as for a user. */
function inTerminal(dir: string, env: NodeJS.ProcessEnv, command: string): { output: string; exitCode: number } {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  return { output: result.stdout + result.stderr, exitCode: result.status ?? -1 };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

// ---- colour ----------------------------------------------------------------------------------

test('colour follows git: color.ui=always colours a pipe, even with NO_COLOR; --no-color and color.litecode=never win', async () => {
  const { dir, env } = await repositoryWithAgentCommit();
  assert.is(env.NO_COLOR, '1', 'the hermetic environment sets NO_COLOR');
  const plain = await throughGit(dir, env, ['litecode', 'log']);
  assert.is(plain.exitCode, 0, plain.stderr);
  assert.not.ok(plain.stdout.includes('\x1b'), 'a pipe gets no colour by default');

  const always = await throughGit(dir, env, ['-c', 'color.ui=always', 'litecode', 'log']);
  assert.ok(always.stdout.includes(colourCode), `color.ui=always: ${JSON.stringify(always.stdout)}`);
  const litecodeKey = await throughGit(dir, env, ['-c', 'color.litecode=always', 'litecode', 'log']);
  assert.ok(litecodeKey.stdout.includes(colourCode), 'color.litecode=always');

  for (const args of [
    ['-c', 'color.ui=always', 'litecode', 'log', '--no-color'],
    ['-c', 'color.ui=always', 'litecode', 'log', '--color=never'],
    ['-c', 'color.ui=always', '-c', 'color.litecode=never', 'litecode', 'log'],
    ['-c', 'color.ui=always', 'litecode', 'log', '--json'],
  ]) {
    const result = await throughGit(dir, env, args);
    assert.is(result.exitCode, 0, result.stderr);
    assert.not.ok(result.stdout.includes('\x1b'), `no colour with ${args.join(' ')}`);
  }
  for (const args of [
    ['-c', 'color.ui=never', 'litecode', 'log', '--color'],
    ['-c', 'color.ui=never', 'litecode', 'log', '--color=always'],
    ['litecode', '--color', 'log'],
  ]) {
    const result = await throughGit(dir, env, args);
    assert.ok(result.stdout.includes(colourCode), `colour with ${args.join(' ')}: the flag wins over config`);
  }
  const bad = await throughGit(dir, env, ['litecode', 'log', '--color=purple']);
  assert.is(bad.exitCode, 2);
});

test('on a terminal colour is on by default, and off with git -c color.ui=never or NO_COLOR', async () => {
  const { dir, env } = await repositoryWithAgentCommit({ NO_COLOR: undefined });
  assert.ok(inTerminal(dir, env, 'git litecode log').output.includes(colourCode), 'auto colours a terminal');
  assert.not.ok(inTerminal(dir, env, 'git -c color.ui=never litecode log').output.includes('\x1b['), 'color.ui=never');
  assert.not.ok(inTerminal(dir, env, 'git -c color.litecode=false litecode log').output.includes('\x1b['), 'color.litecode=false');
  assert.not.ok(inTerminal(dir, { ...env, NO_COLOR: '1' }, 'git litecode log').output.includes('\x1b['), 'NO_COLOR turns auto off');
  assert.ok(inTerminal(dir, { ...env, NO_COLOR: '1' }, 'git -c color.ui=always litecode log').output.includes(colourCode), 'an explicit setting beats NO_COLOR');
});

// ---- pager -----------------------------------------------------------------------------------

test("show sends its header and the patch through git's pager, with LESS=FRX and LV=-c; log pages too", async () => {
  const { dir, env, commit } = await repositoryWithAgentCommit();
  const page = join(dir, '..', `page-${commit.slice(0, 7)}.txt`);
  const pagerEnv = join(dir, '..', `pager-env-${commit.slice(0, 7)}.txt`);
  const pager = `printf '%s|%s\\n' "$LESS" "$LV" > ${shellQuote(pagerEnv)}; cat > ${shellQuote(page)}`;
  const shown = inTerminal(dir, { ...env, GIT_PAGER: pager }, 'git litecode show');
  assert.is(shown.exitCode, 0, shown.output);
  const paged = readFileSync(page, 'utf8');
  assert.match(paged, /^Did: rename validateToken to verifyToken/m, 'the header went through the pager');
  assert.match(paged, /^request  rename validateToken to verifyToken/m);
  assert.match(paged, new RegExp(`commit ${commit}`), "git's part too");
  assert.match(paged, /^\+verify/m, 'and the patch');
  assert.not.match(shown.output, /request  rename/, 'nothing of the page printed outside the pager');
  assert.is(readFileSync(pagerEnv, 'utf8'), 'FRX|-c\n');

  rmSync(page);
  const logged = inTerminal(dir, { ...env, GIT_PAGER: `cat > ${shellQuote(page)}`, LESS: '-R' }, 'git litecode log');
  assert.is(logged.exitCode, 0, logged.output);
  assert.match(readFileSync(page, 'utf8'), new RegExp(`^${commit.slice(0, 12)}  pending`, 'm'));
  assert.not.match(logged.output, /pending/);
});

test('no pager of our own for a pipe, --no-pager, git --no-pager, or when git already runs one (pager.litecode)', async () => {
  const { dir, env, commit } = await repositoryWithAgentCommit();
  const page = join(dir, '..', `page-none-${commit.slice(0, 7)}.txt`);
  const pagerEnv = { ...env, GIT_PAGER: `cat > ${shellQuote(page)}` };

  const piped = await throughGit(dir, pagerEnv, ['litecode', 'show']);
  assert.match(piped.stdout, /^request  /m);
  for (const command of ['git litecode --no-pager show', 'git --no-pager litecode show', 'git -P litecode log', 'git litecode log --no-pager']) {
    const result = inTerminal(dir, pagerEnv, command);
    assert.is(result.exitCode, 0, result.output);
    assert.not.ok(existsSync(page), `${command} started a pager`);
    assert.match(result.output, /Did: rename validateToken/, command);
  }

  // pager.litecode: git starts the pager itself and says so in GIT_PAGER_IN_USE; the whole
  // page goes to that one pager.
  const starts = join(dir, '..', `pager-starts-${commit.slice(0, 7)}.txt`);
  const gitsOwn = join(dir, '..', `page-git-${commit.slice(0, 7)}.txt`);
  const countingPager = { ...env, GIT_PAGER: `echo started >> ${shellQuote(starts)}; cat >> ${shellQuote(gitsOwn)}` };
  const result = inTerminal(dir, countingPager, 'git -c pager.litecode=true litecode show');
  assert.is(result.exitCode, 0, result.output);
  assert.is(readFileSync(starts, 'utf8'), 'started\n', 'one pager, not two');
  const paged = readFileSync(gitsOwn, 'utf8');
  assert.match(paged, /^request  rename validateToken/m);
  assert.match(paged, /^\+verify/m);
});

// ---- --json errors and exit codes ------------------------------------------------------------

interface JsonError {
  ok: false;
  code: string;
  exitCode: number;
  message: string;
  hint: string | null;
  file?: string;
  check?: string;
}

function jsonError(result: CliResult, exitCode: number, code: string): JsonError {
  assert.is(result.exitCode, exitCode, `${result.stderr}${result.stdout}`);
  let parsed: JsonError;
  try {
    parsed = JSON.parse(result.stdout) as JsonError;
  } catch {
    throw new assert.Assertion({ message: `stdout is not JSON: ${JSON.stringify(result.stdout)}`, operator: 'json', actual: result.stdout, expects: 'JSON', generated: false });
  }
  assert.is(parsed.ok, false);
  assert.is(parsed.code, code);
  assert.is(parsed.exitCode, exitCode);
  assert.ok(parsed.message.length > 0);
  assert.is(result.stderr.trim().split('\n').length, 1, 'still one line on stderr');
  return parsed;
}

test('--json prints a JSON error on stdout for usage errors, nothing to act on, git state and an unreachable model', async () => {
  const { dir, env } = await repositoryWithAgentCommit();
  const empty = realpathSync(mkdtempSync(join(scratch, 'not-a-repo-')));

  const usage = jsonError(await runCli(['--json', '--jsno'], { cwd: dir, env }), 2, 'usage');
  assert.match(usage.hint!, /--json/);
  jsonError(await runCli(['apply', '--json', '--squash', '--patch'], { cwd: dir, env }), 2, 'usage');
  jsonError(await runCli(['--json', 'shwo'], { cwd: dir, env }), 2, 'usage');
  jsonError(await runCli(['--json', 'log'], { cwd: empty, env }), 4, 'git-state');
  const unreachable = { ...env, LITECODE_PROVIDER: 'ollama', OLLAMA_HOST: 'http://127.0.0.1:9' };
  jsonError(await runCli(['--json', 'add retry to fetchUser in src/api.js'], { cwd: dir, env: unreachable }), 3, 'model-unavailable');

  const version = await runCli(['--json', '--version'], { cwd: dir, env });
  assert.is(version.exitCode, 0, version.stderr);
  assert.match((JSON.parse(version.stdout) as { version: string }).version, /^\d+\.\d+\.\d+$/);
});

test('--json names the refused file and check', async () => {
  const elided = `${apiWithRetry.split('export async function fetchPosts')[0]}// ... rest of the file unchanged\n`;
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: elided }, { match: { purpose: 'repair' }, content: elided }]);
  try {
    const error = jsonError(await scene.litecode(['--json', 'add retry with backoff to fetchUser in src/api.js']), 1, 'refused');
    assert.is(error.file, 'src/api.js');
    assert.match(error.check!, /elision/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('nothing to act on exits 1 for show, undo, apply and drop alike', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  fixtures.push(fixture);
  for (const command of ['show', 'undo', 'apply', 'drop']) {
    const result = await runCli([command], { cwd: fixture.dir, env });
    assert.is(result.exitCode, 1, `${command}: ${result.stderr}`);
    assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
    jsonError(await runCli([command, '--json'], { cwd: fixture.dir, env }), 1, 'nothing-to-act-on');
  }
  assert.is(git(fixture.dir, env, ['for-each-ref', 'refs/heads/litecode/']), '');
});

// ---- did you mean ----------------------------------------------------------------------------

test('a mistyped command or option gets "did you mean", exit 2 and no model call; real requests still reach the model', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [] }),
    { match: { purpose: 'answer' }, content: 'fetchUser is in src/api.js.' },
  ]);
  try {
    const cases: [string[], RegExp][] = [
      [['shwo'], /unknown command 'shwo'; did you mean 'show'\?/],
      [['stauts', 'HEAD'], /did you mean 'status'\?/],
      [['lgo', '-n', '3'], /did you mean 'log'\?/],
      [['--jsno', 'log'], /unknown option '--jsno'; did you mean '--json'\?/],
      [['log', '--limt', '3'], /did you mean '--limit'\?/],
      [['suggest', '--stagd'], /did you mean '--staged'\?/],
      [['refactor'], /unknown command 'refactor'.*git litecode run "refactor"/],
      [['hook', 'instal'], /^error: unknown command 'hook instal'; did you mean 'hook install'\?$/m],
      [['log', '--no-colr'], /unknown option '--no-colr'; did you mean '--no-color'\?/],
      [['show', 'me', 'the', 'retry', 'code'], /quote them: git litecode "show me the retry code"$/m],
      [['undo', 'the', 'last', 'change'], /quote them: git litecode "undo the last change"$/m],
    ];
    for (const [args, pattern] of cases) {
      const result = await scene.litecode(args);
      assert.is(result.exitCode, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, pattern);
    }
    assert.is(scene.model.chatRequests().length, 0, 'no model call');

    const quoted = await scene.litecode(['shwo me where fetchUser is']);
    assert.is(quoted.exitCode, 0, quoted.stderr);
    assert.is(quoted.stdout.trim(), 'fetchUser is in src/api.js.', 'a quoted request is always text for the model');
  } finally {
    await scene.close();
  }
});

test('yargs\' own parse errors are usage errors with exit 2, not "unexpected failure": -C that is no directory, a flag without its value, -n that is no number (which used to hang log)', async () => {
  const scene = await agentScene('js-app', []);
  try {
    const cases: [string[], RegExp][] = [
      [['-C', join(scene.dir, 'no-such-directory'), 'log'], /^error: cannot change to '.*no-such-directory': no such directory; /],
      [['-C', join(scene.dir, 'src', 'api.js'), 'status'], /^error: cannot change to '.*api\.js': not a directory; /],
      [['log', '-C'], /^error: Not enough arguments following: C; /],
      [['log', '-n', 'x'], /^error: --limit \(-n\) takes a whole number/],
    ];
    for (const [args, pattern] of cases) {
      for (const json of [false, true]) {
        const result = await scene.litecode(json ? ['--json', ...args] : args, { timeoutMs: 20_000 });
        assert.is(result.exitCode, 2, `${args.join(' ')}: ${result.stderr}`);
        assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, pattern);
        if (json) assert.is(JSON.parse(result.stdout).code, 'usage');
      }
    }
  } finally {
    await scene.close();
  }
});

test('`run` sends even a command-like single word to the model', async () => {
  const scene = await agentScene('js-app', [planReply({ kind: 'question', synthesis: '', tasks: [] }), { match: { purpose: 'answer' }, content: 'Nothing to refactor.' }]);
  try {
    const result = await scene.litecode(['run', 'refactor']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.model.chatRequests().length >= 1, true);
  } finally {
    await scene.close();
  }
});

test.run();
