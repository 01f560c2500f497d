import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { chooseAgentBranch, slugifyRequest } from '../../src/git/agent-branch.js';
import { resolveBase } from '../../src/git/base-commit.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { git, makeAgentCommit, openRepository } from './agent-commit-helpers.js';

const env = hermeticEnv();
let fixture: FixtureRepo;
test.before(async () => {
  fixture = await buildFixtureRepo('js-app', { env });
});
test.after(() => fixture.cleanup());

const slugTable: [string, string | RegExp][] = [
  ['Add retry to fetchUser!', 'add-retry-to-fetchuser'],
  ['  rename   validateToken -> verifyToken ', 'rename-validatetoken-verifytoken'],
  ['Café crème: ajouter un délai', 'cafe-creme-ajouter-un-delai'],
  ['给 fetchUser 加重试', 'fetchuser'],
  ['给用户加重试', /^change-[0-9a-f]{7}$/],
  ['!!!', /^change-[0-9a-f]{7}$/],
  ['', /^change-[0-9a-f]{7}$/],
  ['fix ../../etc/passwd and refs/heads/main.lock @{upstream}', 'fix-etc-passwd-and-refs-heads-main-lock-upstream'],
  ['a'.repeat(100), 'a'.repeat(48)],
  ['make the retry loop configurable with an environment variable and a default of three', 'make-the-retry-loop-configurable-with-an'],
  ['HEAD', 'head'],
  ['..lock', 'lock'],
];

test('slug table, and every slug is a valid branch name', () => {
  for (const [request, expected] of slugTable) {
    const slug = slugifyRequest(request);
    if (typeof expected === 'string') assert.is(slug, expected, request);
    else assert.match(slug, expected, request);
    assert.ok(slug.length <= 48, slug);
    execFileSync('git', ['check-ref-format', `refs/heads/litecode/${slug}`], { env });
  }
  assert.is(slugifyRequest('给用户加重试'), slugifyRequest('给用户加重试'), 'the generated name is stable');
  assert.is.not(slugifyRequest('给用户加重试'), slugifyRequest('给用户加测试'));
});

test('a new request gets litecode/<slug>, made unique on collision', async () => {
  const repository = await openRepository(fixture.dir, env);
  const base = await resolveBase(repository, { snapshot: false });
  const head = git(fixture.dir, env, ['rev-parse', 'HEAD']);
  const first = await chooseAgentBranch(repository, { request: 'Add retry', base, forceNew: false, followUp: false });
  assert.equal(first, { branch: 'litecode/add-retry', parent: head, expectedOldValue: null, stacked: false });
  git(fixture.dir, env, ['branch', 'litecode/add-retry']);
  git(fixture.dir, env, ['branch', 'litecode/add-retry-2']);
  const third = await chooseAgentBranch(repository, { request: 'add retry', base, forceNew: false, followUp: false });
  assert.is(third.branch, 'litecode/add-retry-3');
  git(fixture.dir, env, ['branch', '-D', 'litecode/add-retry', 'litecode/add-retry-2']);
});

test('a follow-up stacks on the newest unmerged agent branch; forceNew starts a new one', async () => {
  const repository = await openRepository(fixture.dir, env);
  const base = await resolveBase(repository, { snapshot: false });
  const first = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'export const retry = 1;\n' } });
  const followUp = await chooseAgentBranch(repository, { request: 'also log it', base, forceNew: false, followUp: true });
  assert.equal(followUp, { branch: first.branch, parent: first.commit, expectedOldValue: first.commit, stacked: true });
  const forced = await chooseAgentBranch(repository, { request: 'also log it', base, forceNew: true, followUp: true });
  assert.equal(forced, { branch: 'litecode/also-log-it', parent: base.commit, expectedOldValue: null, stacked: false });
  // Once merged into HEAD, the branch is no longer a follow-up target.
  git(fixture.dir, env, ['merge', '-q', '--ff-only', first.branch]);
  const afterMerge = await chooseAgentBranch(repository, { request: 'also log it', base: await resolveBase(repository, { snapshot: false }), forceNew: false, followUp: true });
  assert.is(afterMerge.stacked, false);
  assert.is(afterMerge.expectedOldValue, null);
});


test('a follow-up passes over a pending branch whose tip is a user commit on top of an agent commit, and says why', async () => {
  const local = await buildFixtureRepo('js-app', { env });
  try {
    const repository = await openRepository(local.dir, env);
    const base = await resolveBase(repository, { snapshot: false });
    const agent = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'export const retry = 1;\n' } });
    const userCommit = git(local.dir, env, ['commit-tree', `${agent.commit}^{tree}`, '-p', agent.commit, '-m', 'my tweak on top']);
    git(local.dir, env, ['update-ref', `refs/heads/${agent.branch}`, userCommit, agent.commit]);
    const followUp = await chooseAgentBranch(repository, { request: 'also log it', base, forceNew: false, followUp: true });
    assert.equal(followUp, {
      branch: 'litecode/also-log-it',
      parent: base.commit,
      expectedOldValue: null,
      stacked: false,
      notStackedBecause: `${agent.branch}'s newest commit ${userCommit.slice(0, 7)} is not an agent commit`,
    });
    // An older pending agent branch whose tip is still the agent's own is the one to stack on.
    const older = await makeAgentCommit(repository, { request: 'add logging', files: { 'src/log.js': 'export const log = 1;\n' } });
    git(local.dir, env, ['commit', '-q', '--allow-empty', '-m', 'user work on main']);
    git(local.dir, env, ['update-ref', `refs/heads/${agent.branch}`, git(local.dir, env, ['commit-tree', `${userCommit}^{tree}`, '-p', userCommit, '-m', 'newer tweak']), userCommit]);
    const stacked = await chooseAgentBranch(repository, { request: 'also log it', base, forceNew: false, followUp: true });
    assert.equal([stacked.branch, stacked.stacked, stacked.expectedOldValue], [older.branch, true, older.commit]);
  } finally {
    local.cleanup();
  }
});

test('a branch that another worktree is in the middle of rebasing counts as checked out there: the follow-up goes beside it', async () => {
  const local = await buildFixtureRepo('js-app', { env });
  const other = `${local.dir}-rebasing`;
  try {
    const repository = await openRepository(local.dir, env);
    const base = await resolveBase(repository, { snapshot: false });
    const agent = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'export const retry = 1;\n' } });
    git(local.dir, env, ['worktree', 'add', '-q', other, agent.branch]);
    git(other, { ...env, GIT_SEQUENCE_EDITOR: 'sed -i 1s/^pick/edit/' }, ['rebase', '-q', '-i', 'HEAD~1']);
    assert.match(git(other, env, ['worktree', 'list', '--porcelain']), /detached/, 'git shows the rebasing worktree as detached');
    const followUp = await chooseAgentBranch(repository, { request: 'also log it', base, forceNew: false, followUp: true });
    assert.equal(followUp, {
      branch: `${agent.branch}-2`,
      parent: agent.commit,
      expectedOldValue: null,
      stacked: true,
      notStackedBecause: `${agent.branch} is checked out in ${other}`,
    });
  } finally {
    execFileSync('rm', ['-rf', other]);
    local.cleanup();
  }
});

test.run();
