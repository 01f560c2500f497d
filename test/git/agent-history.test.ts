import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rmSync } from 'node:fs';
import { findAgentCommit, listAgentCommits } from '../../src/git/agent-history.js';
import { undoLastAgentChange } from '../../src/git/undo.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { git, makeAgentCommit, openRepository } from './agent-commit-helpers.js';

const env = hermeticEnv();
let fixture: FixtureRepo;
test.before(async () => {
  fixture = await buildFixtureRepo('js-app', { env });
});
test.after(() => fixture.cleanup());

test('no agent commits: an empty list; hand-written commits mentioning trailers in prose are not agent commits', async () => {
  const repository = await openRepository(fixture.dir, env);
  git(fixture.dir, env, ['commit', '-q', '--allow-empty', '-m', 'Docs\n\nWe might add Litecode-Kind: edit trailers\nto commits later.']);
  assert.equal(await listAgentCommits(repository), []);
});

test('pending, applied and undone states; branch, metadata and order, read back from git alone', async () => {
  const repository = await openRepository(fixture.dir, env);
  const applied = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'export const retry = true;\n' } });
  git(fixture.dir, env, ['merge', '-q', '--ff-only', applied.branch]);
  git(fixture.dir, env, ['branch', '-q', '-d', applied.branch]);
  const pending = await makeAgentCommit(repository, { request: 'rename validateToken', files: { 'src/auth.js': 'export function verifyToken() {}\n' } });
  const stacked = await makeAgentCommit(repository, { request: 'also export it', files: { 'src/index.js': 'export * from "./auth.js";\n' }, followUp: true });
  assert.is(stacked.branch, pending.branch);

  const commits = await listAgentCommits(repository);
  assert.equal(
    commits.map((commit) => [commit.sha, commit.state, commit.branch ?? null]),
    [
      [stacked.commit, 'pending', pending.branch],
      [pending.commit, 'pending', pending.branch],
      [applied.commit, 'applied', null],
    ],
  );
  const [newest] = commits;
  assert.is(newest!.metadata.kind, 'followup');
  assert.is(newest!.metadata.request, 'also export it');
  assert.is(newest!.metadata.synthesis, 'Did: also export it');
  assert.is(newest!.metadata.model, 'qwen2.5-coder:7b');
  assert.equal(newest!.metadata.files, [{ path: 'src/index.js', summary: 'changed src/index.js' }]);
  assert.equal(newest!.parents, [pending.commit]);
  assert.instance(newest!.date, Date);
  assert.is((await listAgentCommits(repository, { limit: 2 })).length, 2);

  // Undo of the applied change is a revert proposed on a new branch: the original is undone once that revert is applied.
  git(fixture.dir, env, ['branch', '-q', 'keep-pending', pending.branch]);
  git(fixture.dir, env, ['branch', '-q', '-D', pending.branch]);
  const undo = await undoLastAgentChange(repository);
  assert.is(undo.kind, 'revert-proposed');
  if (undo.kind !== 'revert-proposed') return;
  let states = new Map((await listAgentCommits(repository)).map((commit) => [commit.sha, commit.state]));
  assert.is(states.get(applied.commit), 'applied', 'still in the user branch while the revert is under review');
  assert.is(states.get(undo.commit), 'pending');
  git(fixture.dir, env, ['merge', '-q', '--ff-only', undo.branch]);
  states = new Map((await listAgentCommits(repository)).map((commit) => [commit.sha, commit.state]));
  assert.is(states.get(applied.commit), 'undone');
  assert.is(states.get(undo.commit), 'applied');
});

test('findAgentCommit: newest, by sha, by branch with or without litecode/, dropped commits, errors', async () => {
  const repository = await openRepository(fixture.dir, env);
  const made = await makeAgentCommit(repository, { request: 'find me', files: { 'src/utils.js': 'export const found = 1;\n' } });
  assert.is((await findAgentCommit(repository)).sha, made.commit);
  assert.is((await findAgentCommit(repository, made.commit.slice(0, 10))).sha, made.commit);
  const byBranch = await findAgentCommit(repository, 'find-me');
  assert.is(byBranch.sha, made.commit);
  assert.is(byBranch.branch, made.branch);
  assert.is((await findAgentCommit(repository, made.branch)).sha, made.commit);
  git(fixture.dir, env, ['branch', '-q', '-D', made.branch]);
  const dropped = await findAgentCommit(repository, made.commit);
  assert.is(dropped.state, 'undone');
  for (const [revision, pattern] of [['HEAD~0^{tree}', /no commit or branch|not an agent commit/], ['no-such-thing', /no commit or branch named no-such-thing/]] as const) {
    try {
      await findAgentCommit(repository, revision);
      assert.unreachable(revision);
    } catch (error) {
      assert.match(String((error as Error).message), pattern);
    }
  }
  try {
    await findAgentCommit(repository, git(fixture.dir, env, ['rev-list', '--max-parents=0', 'HEAD']));
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /is not an agent commit/);
  }
});

test('a fresh clone knows the agent commits (no memory file)', async () => {
  const clone = `${fixture.dir}-clone`;
  git(fixture.dir, env, ['clone', '-q', fixture.dir, clone]);
  try {
    const repository = await openRepository(clone, env);
    const commits = await listAgentCommits(repository);
    assert.ok(commits.length >= 2);
    assert.ok(commits.every((commit) => commit.state === 'applied' || commit.state === 'undone'));
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});

test.run();
