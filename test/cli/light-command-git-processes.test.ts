import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, makeAgentCommit, openRepository } from '../git/agent-commit-helpers.js';
import { buildFixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv, useEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';

/** Runs the CLI with GIT_TRACE2_EVENT and returns its stdout and the argv of every git process it started. */
async function tracedRun(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; gitCalls: string[][] }> {
  const directory = mkdtempSync(join(tmpdir(), 'litecode-trace-'));
  const trace = join(directory, 'trace.json');
  try {
    const result = await runCli(args, { cwd, env: { ...env, GIT_TRACE2_EVENT: trace } });
    assert.is(result.exitCode, 0, result.stderr);
    const gitCalls = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
      .filter((event) => event.event === 'start')
      .map((event) => event.argv ?? []);
    return { stdout: result.stdout, gitCalls };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

test('log and show read a built index in four and five git processes: no second HEAD lookup, no cat-file for the marker, pending commits from the listing', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  try {
    const repository = await openRepository(fixture.dir, env);
    // Distinct committer seconds: commits made within one second cost a merge-base to order.
    useEnv({ ...env, GIT_COMMITTER_DATE: '2030-01-01T10:00:00Z' });
    const applied = await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    git(fixture.dir, env, ['merge', '-q', '--ff-only', applied.branch]);
    useEnv({ ...env, GIT_COMMITTER_DATE: '2030-01-01T10:00:05Z' });
    const pending = await makeAgentCommit(repository, { request: 'add a timeout to fetchUser', files: { 'src/api.js': 'retry and timeout\n' } });
    await tracedRun(['log'], fixture.dir, env); // builds the index

    const log = await tracedRun(['log'], fixture.dir, env);
    assert.match(log.stdout, new RegExp(`${pending.commit.slice(0, 12)}\\s+pending`));
    assert.match(log.stdout, new RegExp(`${applied.commit.slice(0, 12)}\\s+applied`));
    const commands = log.gitCalls.map((argv) => argv.filter((word) => !word.startsWith('--no-optional-locks')).slice(1, 3).join(' '));
    assert.ok(log.gitCalls.length <= 4, `log ran ${log.gitCalls.length} git processes: ${commands.join('; ')}`);
    assert.not.ok(log.gitCalls.some((argv) => argv.includes('--no-merged=HEAD')), 'the pending commit is found down its branch in the listing');
    assert.not.ok(commands.some((command) => command.startsWith('cat-file')), 'no cat-file');
    assert.not.ok(commands.some((command) => command === 'rev-parse --verify'), 'HEAD is resolved once, by discovery');

    const show = await tracedRun(['show', '--no-pager'], fixture.dir, env);
    assert.match(show.stdout, new RegExp(pending.commit));
    assert.ok(show.gitCalls.length <= 5, `show ran ${show.gitCalls.length} git processes`);

    // The marker is a tag on a blob: it keeps no commit alive, and fsck accepts it.
    assert.is(git(fixture.dir, env, ['cat-file', '-t', 'refs/litecode/index']), 'tag');
    assert.is(git(fixture.dir, env, ['cat-file', '-t', 'refs/litecode/index^{}']), 'blob');
    git(fixture.dir, env, ['fsck', '--strict', '--no-progress']);
  } finally {
    fixture.cleanup();
  }
});

test('an index marker that is not this version\'s tag is not trusted: the next read rebuilds the index, and log is the same', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  try {
    const repository = await openRepository(fixture.dir, env);
    const pending = await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    const before = (await tracedRun(['log'], fixture.dir, env)).stdout;
    const blob = git(fixture.dir, env, ['hash-object', '-w', '--stdin'], 'some other format\n');
    git(fixture.dir, env, ['update-ref', 'refs/litecode/index', blob]);

    const after = await tracedRun(['log'], fixture.dir, env);
    assert.is(after.stdout, before);
    assert.match(after.stdout, new RegExp(`${pending.commit.slice(0, 12)}\\s+pending`));
    assert.ok(after.gitCalls.some((argv) => argv.includes('log')), 'the unreadable marker made the read walk the history again');
    const marker = git(fixture.dir, env, ['cat-file', '-t', 'refs/litecode/index']).trim();
    assert.is(marker, 'tag', 'the rebuilt index has a marker of this version');
  } finally {
    fixture.cleanup();
  }
});

test.run();
