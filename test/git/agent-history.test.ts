import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rmSync } from 'node:fs';
import { findAgentCommit, listAgentCommits, pendingFromListing } from '../../src/git/agent-history.js';
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

test('pending commits from the listing: down each branch tip through indexed parents, conclusive only when every commit HEAD lacks is reached', () => {
  const listed = (sha: string, ...parents: string[]) => ({ sha, parents, date: 0 });
  const branch = (tip: string) => ({ branch: `litecode/${tip}`, tip });
  // base (a commit of yours, not indexed) <- e1 <- e2 (tip); a2 applied, in HEAD.
  const commits = [listed('e2', 'e1'), listed('e1', 'base'), listed('a2', 'a1')];
  assert.equal(pendingFromListing({ commits, branches: [branch('e2')] }, ['e2', 'e1', 'a2'], new Set(['a2'])), new Set(['e2', 'e1']));
  // The same, and a dropped commit on no branch: only git can tell.
  assert.is(pendingFromListing({ commits: [...commits, listed('d1', 'base')], branches: [branch('e2')] }, ['e2', 'd1'], new Set()), undefined);
  // A commit made by hand on top of the branch hides the agent commit below it.
  assert.is(pendingFromListing({ commits, branches: [branch('hand')] }, ['e2', 'e1'], new Set()), undefined);
  // Through a merge's second parent; and a commit in HEAD ends the way down.
  const merged = [listed('m', 'x', 'e1'), listed('e1', 'a2'), listed('a2', 'e0'), listed('e0', 'base')];
  assert.equal(pendingFromListing({ commits: merged, branches: [branch('m')] }, ['m', 'e1', 'a2', 'e0'], new Set(['a2', 'e0'])), new Set(['m', 'e1']));
});

test('a pending agent commit under a commit made by hand on its branch is still pending, on that branch', async () => {
  const repository = await openRepository(fixture.dir, env);
  const made = await makeAgentCommit(repository, { request: 'add a cache', files: { 'src/utils.js': 'export const cache = new Map();\n' } });
  const byHand = git(fixture.dir, env, ['commit-tree', `${made.commit}^{tree}`, '-p', made.commit, '-m', 'tweak by hand']);
  git(fixture.dir, env, ['update-ref', `refs/heads/${made.branch}`, byHand, made.commit]);
  const listedCommit = (await listAgentCommits(repository)).find((commit) => commit.sha === made.commit);
  assert.is(listedCommit?.state, 'pending');
  assert.is(listedCommit?.branch, made.branch);
  git(fixture.dir, env, ['branch', '-q', '-D', made.branch]);
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
