import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addAgentCommit, repositoriesFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { runCli, runGitForTest } from '../support/run-cli.js';
import { assertUserStateUnchanged, snapshotUserState } from '../support/user-state.js';

const repositories = repositoriesFromFiles();
const fixture = () => repositories.build();
test.after(repositories.removeAll);

async function branches(repository: RepoFromFiles): Promise<string> {
  return (await runGitForTest(['for-each-ref', '--format=%(refname:short)', 'refs/heads/'], { cwd: repository.dir, env: repository.env })).stdout;
}

test('drop deletes the branch, prints its sha and a recovery command that works', async () => {
  const repository = await fixture();
  const sha = await addAgentCommit(repository, 'litecode/unwanted', { 'x.txt': 'x\n' }, 'unwanted');
  const before = snapshotUserState(repository.dir, repository.env);
  const result = await runCli(['drop', 'unwanted'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(result.stdout, `dropped litecode/unwanted (was ${sha.slice(0, 12)}); to get it back: git branch litecode/unwanted ${sha}\n`);
  assert.is(await branches(repository), 'main\n');
  assertUserStateUnchanged(before, snapshotUserState(repository.dir, repository.env));
  await repository.git(['branch', 'litecode/unwanted', sha]);
  assert.is((await repository.git(['rev-parse', 'litecode/unwanted'])).trim(), sha);
  await repository.git(['fsck', '--full', '--no-progress']);
});

test('drop refuses the current branch and a non-agent branch, changing nothing', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/here', { 'x.txt': 'x\n' }, 'here');
  await repository.git(['branch', 'feature']);
  await repository.git(['switch', '-q', 'litecode/here']);
  for (const [args, expected, exitCode] of [
    [['drop', 'litecode/here'], /litecode\/here is checked out/, 4],
    [['drop', 'feature'], /feature is not an agent branch/, 2],
  ] as const) {
    const before = snapshotUserState(repository.dir, repository.env);
    const result = await runCli(args, { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, exitCode, result.stderr);
    assert.is(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, expected);
    assert.equal(snapshotUserState(repository.dir, repository.env), before);
  }
});

test('drop of a branch checked out in another worktree names that worktree, not `git switch -` here', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/elsewhere', { 'x.txt': 'x\n' }, 'elsewhere');
  const other = `${repository.dir}-other`;
  await repository.git(['worktree', 'add', '-q', other, 'litecode/elsewhere']);
  try {
    const before = snapshotUserState(repository.dir, repository.env);
    const result = await runCli(['drop', 'litecode/elsewhere'], { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, 4, result.stderr);
    assert.is(result.stderr.trim().split('\n').length, 1);
    const otherPath = (await runGitForTest(['rev-parse', '--show-toplevel'], { cwd: other, env: repository.env })).stdout.trim();
    assert.ok(result.stderr.startsWith(`error: litecode/elsewhere is checked out in ${otherPath}; switch that worktree to another branch (git -C ${otherPath} switch -)`), result.stderr);
    assert.equal(snapshotUserState(repository.dir, repository.env), before);
    assert.match(await branches(repository), /litecode\/elsewhere/);
  } finally {
    await repository.git(['worktree', 'remove', '--force', other]);
  }
});

test('drop --all-applied deletes only the agent branches merged into HEAD', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/merged', { 'm.txt': 'm\n' }, 'merged');
  await repository.git(['merge', '-q', '--ff-only', 'litecode/merged']);
  await addAgentCommit(repository, 'litecode/pending', { 'p.txt': 'p\n' }, 'pending');
  await repository.git(['branch', 'feature']);
  const result = await runCli(['drop', '--all-applied', '--json'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).dropped.map((entry: { branch: string }) => entry.branch), ['litecode/merged']);
  assert.is(await branches(repository), 'feature\nlitecode/pending\nmain\n');
  const again = await runCli(['drop', '--all-applied'], { cwd: repository.dir, env: repository.env });
  assert.is(again.stdout, 'no applied agent branches to drop\n');
});

test('status lists pending agent branches and a killed run\'s leftovers; gc removes them', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/first', { 'a.txt': 'a\n' }, 'first change');
  await addAgentCommit(repository, 'litecode/first', { 'b.txt': 'b\n' }, 'second change');
  // A scratch directory named after a process that no longer exists, as a SIGKILLed run leaves it.
  const { mkdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const leftover = join(repository.dir, '.git', 'litecode', 'scratch', '999999999-deadbeef');
  mkdirSync(leftover, { recursive: true });
  const before = snapshotUserState(repository.dir, repository.env);

  const status = await runCli(['status', '--json'], { cwd: repository.dir, env: repository.env });
  assert.is(status.exitCode, 0, status.stderr);
  const data = JSON.parse(status.stdout);
  assert.is(data.pending.length, 1);
  assert.is(data.pending[0].branch, 'litecode/first');
  assert.is(data.pending[0].ahead, 2);
  assert.is(data.pending[0].synthesis, 'second change');
  assert.equal(data.leftovers, [leftover]);
  const text = await runCli(['status'], { cwd: repository.dir, env: repository.env });
  assert.match(text.stdout, /litecode\/first  2 commits ahead  second change/);
  assert.match(text.stdout, /1 leftover from killed runs .* remove with git litecode gc/);
  assert.equal(snapshotUserState(repository.dir, repository.env), before);

  const gc = await runCli(['gc'], { cwd: repository.dir, env: repository.env });
  assert.is(gc.exitCode, 0, gc.stderr);
  assert.match(gc.stdout, /removed .*999999999-deadbeef/);
  assert.not.ok(existsSync(leftover));
  const after = await runCli(['status', '--json'], { cwd: repository.dir, env: repository.env });
  assert.equal(JSON.parse(after.stdout).leftovers, []);
  assert.is((await runCli(['gc'], { cwd: repository.dir, env: repository.env })).stdout, 'nothing to clean\n');
});

test.run();
