import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LitecodeError, type RefusalError } from '../../src/errors/litecode-error.js';
import { listAgentCommits } from '../../src/git/agent-history.js';
import { parseAgentCommitMessage } from '../../src/git/commit-message.js';
import { undoLastAgentChange } from '../../src/git/undo.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { assertUserStateUnchanged, snapshotUserState } from '../support/user-state.js';
import { git, makeAgentCommit, openRepository } from './agent-commit-helpers.js';

const env = hermeticEnv();
const fixtures: FixtureRepo[] = [];
test.after(() => fixtures.forEach((fixture) => fixture.cleanup()));
async function setup() {
  const fixture = await buildFixtureRepo('js-app', { env });
  fixtures.push(fixture);
  return { dir: fixture.dir, repository: await openRepository(fixture.dir, env) };
}

/** Runs undo and proves the user's branch, index, tree, stash and config are untouched. */
async function undoKeepingUserState(dir: string, repository: Awaited<ReturnType<typeof setup>>['repository']) {
  const before = snapshotUserState(dir, env);
  const result = await undoLastAgentChange(repository);
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.is(git(dir, env, ['fsck', '--full', '--no-dangling']), '');
  return result;
}

async function refusal(promise: Promise<unknown>, pattern: RegExp) {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, LitecodeError);
    assert.is((error as RefusalError).exitCode, 1);
    assert.match((error as RefusalError).toOneLine(), pattern);
    return;
  }
  assert.unreachable(`expected a refusal matching ${pattern}`);
}

function revertMetadata(dir: string, commit: string) {
  return parseAgentCommitMessage(git(dir, env, ['log', '-1', '--format=%B', commit]))!;
}

test('nothing to undo: a clear refusal', async () => {
  const { dir, repository } = await setup();
  const before = snapshotUserState(dir, env);
  await refusal(undoLastAgentChange(repository), /no agent change to undo.*git litecode log/);
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
});

test('pending, one commit: the branch is deleted, and the printed command brings it back', async () => {
  const { dir, repository } = await setup();
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  const result = await undoKeepingUserState(dir, repository);
  assert.equal(result, { kind: 'branch-moved-back', branch: made.branch, undone: made.commit, branchDeleted: true, recovery: `git branch ${made.branch} ${made.commit}` });
  assert.is(git(dir, env, ['branch', '--list', 'litecode/*']), '');
  git(dir, env, result.kind === 'branch-moved-back' ? result.recovery.split(' ').slice(1) : []);
  assert.is(git(dir, env, ['rev-parse', made.branch]), made.commit);
});

test('pending, stacked: the branch moves back one commit (compare-and-swap)', async () => {
  const { dir, repository } = await setup();
  const first = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  const second = await makeAgentCommit(repository, { request: 'also log', files: { 'src/utils.js': 'log\n' }, followUp: true });
  const result = await undoKeepingUserState(dir, repository);
  assert.equal(result, { kind: 'branch-moved-back', branch: first.branch, undone: second.commit, branchDeleted: false, recovery: `git branch -f ${first.branch} ${second.commit}` });
  assert.is(git(dir, env, ['rev-parse', first.branch]), first.commit);
  const again = await undoKeepingUserState(dir, repository);
  assert.is(again.kind === 'branch-moved-back' && again.branchDeleted, true);
});

test('pending with human commits on top of the agent commit: refused, nothing moved', async () => {
  const { dir, repository } = await setup();
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  const tree = git(dir, env, ['rev-parse', `${made.commit}^{tree}`]);
  const human = git(dir, env, ['commit-tree', tree, '-p', made.commit, '-m', 'human commit']);
  git(dir, env, ['update-ref', `refs/heads/${made.branch}`, human]);
  // The human commit is newest by date order but not an agent commit; the agent commit below it is the target.
  await refusal(undoLastAgentChange(repository), /has commits after the agent's change/);
  assert.is(git(dir, env, ['rev-parse', made.branch]), human);
});

test('pending but checked out in another worktree: refused, nothing moved', async () => {
  const { dir, repository } = await setup();
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  const linked = `${dir}-linked`;
  git(dir, env, ['worktree', 'add', '-q', linked, made.branch]);
  fixtures.push({ dir: linked, env, cleanup: () => rmSync(linked, { recursive: true, force: true }) });
  await refusal(undoLastAgentChange(repository), /checked out in another worktree/);
  assert.is(git(dir, env, ['rev-parse', made.branch]), made.commit);
});

test('applied, created files: a revert on a new agent branch deletes them; the user branch is not rewritten', async () => {
  const { dir, repository } = await setup();
  const made = await makeAgentCommit(repository, { request: 'add a retry module', files: { 'src/retry.js': 'export const retry = 3;\n', 'src/api.js': 'uses retry\n' } });
  git(dir, env, ['merge', '-q', '--ff-only', made.branch]);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const result = await undoKeepingUserState(dir, repository);
  assert.is(result.kind, 'revert-proposed');
  if (result.kind !== 'revert-proposed') return;
  assert.is(result.undone, made.commit);
  assert.match(result.branch, /^litecode\/undo-add-a-retry-module/);
  assert.is(git(dir, env, ['rev-parse', 'HEAD']), head, 'HEAD not rewritten');
  assert.is(git(dir, env, ['rev-parse', `${result.commit}^`]), head, 'the revert sits on HEAD, for review');
  assert.is(git(dir, env, ['diff', '--name-status', `${made.commit}^`, result.commit]), '', 'back to the tree before the agent change');
  const metadata = revertMetadata(dir, result.commit);
  assert.is(metadata.kind, 'undo');
  assert.is(metadata.undoes, made.commit);
  assert.equal(metadata.files.map((file) => file.path).sort(), ['src/api.js', 'src/retry.js']);
  assert.is((await listAgentCommits(repository))[0]!.sha, result.commit);
});

test('applied, deleted files: the revert restores them byte for byte, with their mode', async () => {
  const { dir, repository } = await setup();
  chmodSync(join(dir, 'test/auth.test.js'), 0o755);
  git(dir, env, ['commit', '-qam', 'make the test executable']);
  const made = await makeAgentCommit(repository, { request: 'remove the tests', files: { 'test/auth.test.js': null } });
  git(dir, env, ['merge', '-q', '--ff-only', made.branch]);
  const result = await undoKeepingUserState(dir, repository);
  assert.is(result.kind, 'revert-proposed');
  if (result.kind !== 'revert-proposed') return;
  assert.is(git(dir, env, ['rev-parse', `${result.commit}:test/auth.test.js`]), git(dir, env, ['rev-parse', `${made.commit}^:test/auth.test.js`]));
  assert.match(git(dir, env, ['ls-tree', result.commit, 'test/auth.test.js']), /^100755 /);
});

test('pushed (an upstream contains it): revert, never rewrite, even while still pending', async () => {
  const { dir, repository } = await setup();
  const remote = `${dir}-remote.git`;
  fixtures.push({ dir: remote, env, cleanup: () => rmSync(remote, { recursive: true, force: true }) });
  git(dir, env, ['init', '-q', '--bare', remote]);
  git(dir, env, ['remote', 'add', 'origin', remote]);
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(dir, env, ['push', '-q', 'origin', made.branch]);
  const result = await undoKeepingUserState(dir, repository);
  assert.is(result.kind, 'revert-proposed');
  if (result.kind !== 'revert-proposed') return;
  assert.is(git(dir, env, ['rev-parse', made.branch]), made.commit, 'the pushed branch was not moved');
  assert.is(git(dir, env, ['rev-parse', `${result.commit}^`]), made.commit);
  assert.is(git(dir, env, ['diff', '--name-only', 'main', result.commit]), '');
});

test('later human edits to the same lines: refused, naming the file; edits elsewhere are kept', async () => {
  const { dir, repository } = await setup();
  const original = readFileSync(join(dir, 'src/api.js'), 'utf8');
  const agentVersion = original.replace("const BASE_URL = 'https://api.example.com';", "const BASE_URL = 'https://api.example.org';");
  const made = await makeAgentCommit(repository, { request: 'change the base url', files: { 'src/api.js': agentVersion } });
  git(dir, env, ['merge', '-q', '--ff-only', made.branch]);

  writeFileSync(join(dir, 'src/api.js'), agentVersion.replace('api.example.org', 'api.example.net'));
  git(dir, env, ['commit', '-qam', 'human edit on the same line']);
  const before = snapshotUserState(dir, env);
  await refusal(undoLastAgentChange(repository), /cannot undo: src\/api\.js has later edits to the same lines/);
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.is(git(dir, env, ['branch', '--list', 'litecode/undo*']), '');

  git(dir, env, ['reset', '-q', '--hard', 'HEAD~1']);
  writeFileSync(join(dir, 'src/api.js'), `${agentVersion}\n// a human line far away\n`);
  git(dir, env, ['commit', '-qam', 'human edit elsewhere']);
  const result = await undoKeepingUserState(dir, repository);
  assert.is(result.kind, 'revert-proposed');
  if (result.kind !== 'revert-proposed') return;
  assert.is(git(dir, env, ['cat-file', '-p', `${result.commit}:src/api.js`]), `${original}\n// a human line far away`);
});

test.run();
