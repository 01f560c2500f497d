import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';
import { assertUserStateUnchanged, prepareUserState, snapshotUserState, userStates } from '../support/user-state.js';
import { git, makeAgentCommit, openRepository } from './agent-commit-helpers.js';

// Needs the built CLI: npm run build (npm test builds first).
const env = hermeticEnv();
const fixtures: FixtureRepo[] = [];
test.after(() => fixtures.forEach((fixture) => fixture.cleanup()));

async function cli(dir: string, args: string[]) {
  const before = snapshotUserState(dir, env);
  const result = await runCli(args, { cwd: join(dir, 'src'), env });
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  return result;
}

for (const state of userStates) {
  test(`log, show and undo in a ${state} repository leave the user's state unchanged`, async () => {
    const fixture = await buildFixtureRepo('js-app', { env });
    fixtures.push(fixture);
    const { dir } = fixture;
    const repository = await openRepository(dir, env);
    const applied = await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    git(dir, env, ['merge', '-q', '--ff-only', applied.branch]);
    git(dir, env, ['branch', '-q', '-d', applied.branch]);
    const pending = await makeAgentCommit(repository, { request: 'rename validateToken to verifyToken', files: { 'src/auth.js': 'verify\n' } });
    prepareUserState(dir, env, state);

    const log = await cli(dir, ['log']);
    assert.is(log.exitCode, 0, log.stderr);
    const lines = log.stdout.trimEnd().split('\n');
    assert.is(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`^${pending.commit.slice(0, 12)}  pending  ${pending.branch}  just now  Did: rename validateToken to verifyToken  \\(1 file, ollama/qwen2\\.5-coder:7b\\)$`));
    assert.match(lines[1]!, new RegExp(`^${applied.commit.slice(0, 12)}  applied  -  `));

    // The JSON forms share the code paths above; checking them once keeps this file quick.
    if (state === 'clean') await checkJsonForms(dir, pending, applied);

    const show = await cli(dir, ['show', pending.branch]);
    assert.is(show.exitCode, 0, show.stderr);
    assert.match(show.stdout, /^request  rename validateToken to verifyToken$/m);
    assert.match(show.stdout, /^model    ollama\/qwen2\.5-coder:7b$/m);
    assert.match(show.stdout, /^checks   fences, truncation$/m);
    assert.match(show.stdout, new RegExp(`^commit ${pending.commit}$`, 'm'), "git show's own output follows");
    assert.match(show.stdout, /^\+verify$/m);

    const undo = await cli(dir, ['undo']);
    assert.is(undo.exitCode, 0, undo.stderr);
    assert.match(undo.stdout, new RegExp(`${pending.commit.slice(0, 7)}.*deleted ${pending.branch}`));
    assert.match(undo.stdout, new RegExp(`git branch ${pending.branch} ${pending.commit}`));

    const revert = await cli(dir, ['undo', ...(state === 'clean' ? ['--json'] : [])]);
    assert.is(revert.exitCode, 0, revert.stderr);
    if (state !== 'clean') {
      assert.match(revert.stdout, new RegExp(`${applied.commit.slice(0, 7)} is already in your branch.*revert is proposed`));
      return;
    }
    const proposed = JSON.parse(revert.stdout) as { kind: string; undone: string; branch: string; commit: string };
    assert.equal([proposed.kind, proposed.undone], ['revert-proposed', applied.commit]);
    assert.is(git(dir, env, ['rev-parse', proposed.branch]), proposed.commit);
  });
}

async function checkJsonForms(dir: string, pending: { commit: string; branch: string }, applied: { commit: string }) {
  const logJson = await cli(dir, ['log', '--json', '--limit', '1']);
  const parsed = JSON.parse(logJson.stdout) as { sha: string; state: string; branch: string; request: string }[];
  assert.is(parsed.length, 1);
  assert.equal([parsed[0]!.sha, parsed[0]!.state, parsed[0]!.branch, parsed[0]!.request], [pending.commit, 'pending', pending.branch, 'rename validateToken to verifyToken']);
  const showJson = await cli(dir, ['show', applied.commit.slice(0, 8), '--json']);
  const shown = JSON.parse(showJson.stdout) as { sha: string; state: string; patch: string };
  assert.equal([shown.sha, shown.state], [applied.commit, 'applied']);
  assert.match(shown.patch, /^\+retry$/m);
}

test('failures: one line, the documented exit code, nothing changed', async () => {
  const fixture = await buildFixtureRepo('js-app', { env });
  fixtures.push(fixture);
  const nothing = await cli(fixture.dir, ['undo']);
  assert.is(nothing.exitCode, 1);
  assert.match(nothing.stderr, /^error: there is no agent change to undo; .*\n$/);
  const emptyLog = await cli(fixture.dir, ['log']);
  assert.is(emptyLog.exitCode, 0);
  assert.match(emptyLog.stdout, /No agent commits yet/);
  const unknown = await cli(fixture.dir, ['show', 'no-such-branch']);
  assert.is(unknown.exitCode, 2);
  assert.match(unknown.stderr, /^error: no commit or branch named no-such-branch; see git litecode log.*\n$/);
  const notAgent = await cli(fixture.dir, ['show', 'HEAD']);
  assert.is(notAgent.exitCode, 2);
  assert.match(notAgent.stderr, /is not an agent commit/);

  const outside = mkdtempSync(join(tmpdir(), 'litecode-outside-'));
  const bare = join(outside, 'bare.git');
  git(outside, env, ['clone', '-q', '--bare', fixture.dir, bare]);
  mkdirSync(join(outside, 'plain'));
  writeFileSync(join(outside, 'plain', 'file.txt'), 'x\n');
  try {
    for (const [cwd, pattern] of [[join(outside, 'plain'), /not a git repository/], [bare, /bare repository/]] as const) {
      for (const command of ['log', 'show', 'undo']) {
        const result = await runCli([command], { cwd, env });
        assert.is(result.exitCode, 4, `${command} in ${cwd}: ${result.stderr}`);
        assert.match(result.stderr, pattern);
        assert.is(result.stderr.trim().split('\n').length, 1);
      }
    }
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('show --calls prints the transcript records of the commit run', async () => {
  const fixture = await buildFixtureRepo('js-app', { env });
  fixtures.push(fixture);
  const repository = await openRepository(fixture.dir, env);
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  mkdirSync(join(fixture.dir, '.git/litecode'), { recursive: true });
  writeFileSync(
    join(fixture.dir, '.git/litecode/transcript.jsonl'),
    [{ runId: 'run-9', role: 'plan' }, { runId: 'other', role: 'edit' }, { runId: 'run-9', role: 'edit' }].map((record) => JSON.stringify(record)).join('\n') + '\n{"runId":"run-9", cut',
  );
  const result = await cli(fixture.dir, ['show', made.commit, '--calls', '--json']);
  const shown = JSON.parse(result.stdout) as { calls: { role: string }[] };
  assert.equal(shown.calls.map((call) => call.role), ['plan', 'edit']);
});

test.run();
