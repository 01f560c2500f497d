import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAgentCommit, repositoriesFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { runCli, runGitForTest } from '../support/run-cli.js';
import { snapshotUserState } from '../support/user-state.js';

const repositories = repositoriesFromFiles();
const fixture = () => repositories.build();
test.after(repositories.removeAll);

async function branchExists(repository: RepoFromFiles, name: string): Promise<boolean> {
  return (await runGitForTest(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`], { cwd: repository.dir, env: repository.env })).exitCode === 0;
}

async function assertFsck(repository: RepoFromFiles): Promise<void> {
  await repository.git(['fsck', '--full', '--no-progress']);
}

test('apply fast-forwards onto the newest pending agent branch and deletes it', async () => {
  const repository = await fixture();
  repository.env.GIT_COMMITTER_DATE = '2020-01-01T00:00:00Z';
  await addAgentCommit(repository, 'litecode/old', { 'old.txt': 'old\n' }, 'older change');
  delete repository.env.GIT_COMMITTER_DATE;
  const sha = await addAgentCommit(repository, 'litecode/add-retry', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'add retry');
  const result = await runCli(['apply', '--json'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  const data = JSON.parse(result.stdout);
  assert.is(data.branch, 'litecode/add-retry');
  assert.is(data.mode, 'fast-forward');
  assert.is(data.deleted, true);
  assert.is(data.recovery, `git branch litecode/add-retry ${sha}`);
  assert.is((await repository.git(['rev-parse', 'HEAD'])).trim(), sha);
  assert.is((await repository.git(['symbolic-ref', '--short', 'HEAD'])).trim(), 'main');
  assert.is(await repository.git(['status', '--porcelain']), '');
  assert.not.ok(await branchExists(repository, 'litecode/add-retry'));
  assert.ok(await branchExists(repository, 'litecode/old'));
  await assertFsck(repository);
});

test('apply cherry-picks when main has moved on, keeping the agent commit message', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/feature', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'return two');
  repository.write({ 'README.md': '# demo\n\nmore\n' });
  await repository.git(['commit', '-qam', 'user work']);
  const userHead = (await repository.git(['rev-parse', 'HEAD'])).trim();
  const result = await runCli(['apply', 'feature'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /applied litecode\/feature: cherry-picked 1 commit/);
  assert.is((await repository.git(['rev-parse', 'HEAD~1'])).trim(), userHead);
  assert.match(await repository.git(['log', '-1', '--format=%B']), /Litecode-Kind: edit/);
  assert.is(readFileSync(join(repository.dir, 'src/app.js'), 'utf8'), 'export function main() {\n  return 2;\n}\n');
  assert.not.ok(await branchExists(repository, 'litecode/feature'));
  await assertFsck(repository);
});

test('apply --squash stages the changes and leaves HEAD alone', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/one', { 'a.txt': 'a\n' }, 'first');
  await addAgentCommit(repository, 'litecode/one', { 'b.txt': 'b\n' }, 'second');
  const head = (await repository.git(['rev-parse', 'HEAD'])).trim();
  const result = await runCli(['apply', 'litecode/one', '--squash'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is((await repository.git(['rev-parse', 'HEAD'])).trim(), head);
  assert.is(await repository.git(['diff', '--cached', '--name-only']), 'a.txt\nb.txt\n');
  await repository.git(['commit', '-q', '-m', 'my own commit']);
  assert.is(await repository.git(['status', '--porcelain']), '');
});

test('apply --patch applies the change uncommitted and --keep keeps the branch', async () => {
  const repository = await fixture();
  const sha = await addAgentCommit(repository, 'litecode/patchy', { 'src/app.js': 'export function main() {\n  return 3;\n}\n' }, 'three');
  const head = (await repository.git(['rev-parse', 'HEAD'])).trim();
  const result = await runCli(['apply', 'litecode/patchy', '--patch', '--keep'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is((await repository.git(['rev-parse', 'HEAD'])).trim(), head);
  assert.is(readFileSync(join(repository.dir, 'src/app.js'), 'utf8'), 'export function main() {\n  return 3;\n}\n');
  assert.is((await repository.git(['rev-parse', 'refs/heads/litecode/patchy'])).trim(), sha);
});

test('a conflict stops in git\'s own cherry-pick state with one line on how to finish', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/clash', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'two');
  repository.write({ 'src/app.js': 'export function main() {\n  return 42;\n}\n' });
  await repository.git(['commit', '-qam', 'user edit']);
  const result = await runCli(['apply', 'litecode/clash'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /conflict in src\/app\.js.*git cherry-pick --continue.*git cherry-pick --abort/);
  assert.ok(existsSync(join(repository.dir, '.git', 'CHERRY_PICK_HEAD')));
  assert.ok(await branchExists(repository, 'litecode/clash'));
  await repository.git(['cherry-pick', '--abort']);
  assert.is(await repository.git(['status', '--porcelain']), '');
});

test('a conflicting --patch leaves conflict markers and says how to go back', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/clash', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'two');
  repository.write({ 'src/app.js': 'export function main() {\n  return 42;\n}\n' });
  await repository.git(['commit', '-qam', 'user edit']);
  const result = await runCli(['apply', '--patch'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4);
  assert.match(result.stderr, /conflict in src\/app\.js; resolve the conflict markers.*git reset --merge/);
  assert.match(readFileSync(join(repository.dir, 'src/app.js'), 'utf8'), /<<<<<<< ours/);
  await repository.git(['reset', '-q', '--merge']);
  assert.is(await repository.git(['status', '--porcelain']), '');
  assert.ok(await branchExists(repository, 'litecode/clash'));
});

test('refusals change nothing: dirty index, dirty touched file, untracked file in the way, non-agent branch, own branch', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/touch', { 'src/app.js': 'export function main() {\n  return 2;\n}\n', 'new.txt': 'new\n' }, 'touch');
  await repository.git(['switch', '-q', '-c', 'litecode/human']);
  repository.write({ 'human.txt': 'mine\n' });
  await repository.git(['add', 'human.txt']);
  await repository.git(['commit', '-q', '-m', 'a human commit']);
  await repository.git(['switch', '-q', 'main']);
  await repository.git(['branch', 'feature']);

  const attempt = async (args: string[], expected: RegExp, setup: () => Promise<void>, cleanup: () => Promise<void>) => {
    await setup();
    const before = snapshotUserState(repository.dir, repository.env);
    const result = await runCli(args, { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, 4, `${args.join(' ')}: ${result.stderr}`);
    assert.is(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, expected);
    assert.equal(snapshotUserState(repository.dir, repository.env), before);
    await cleanup();
  };
  const nothing = async () => {};
  await attempt(['apply', 'litecode/touch'], /index has staged changes/, async () => {
    repository.write({ 'README.md': 'staged\n' });
    await repository.git(['add', 'README.md']);
  }, async () => {
    await repository.git(['reset', '-q', '--hard']);
  });
  await attempt(['apply', 'litecode/touch'], /local changes to src\/app\.js/, async () => repository.write({ 'src/app.js': 'dirty\n' }), async () => {
    await repository.git(['checkout', '--', 'src/app.js']);
  });
  await attempt(['apply', 'litecode/touch', '--patch'], /local changes to new\.txt/, async () => repository.write({ 'new.txt': 'untracked but mine\n' }), async () => {
    await repository.git(['clean', '-qf']);
  });
  await attempt(['apply', 'feature'], /feature is not an agent branch/, nothing, nothing);
  await attempt(['apply', 'litecode/human'], /has no agent commits/, nothing, nothing);
  await repository.git(['switch', '-q', 'litecode/touch']);
  await attempt(['apply', 'litecode/touch'], /you are on litecode\/touch/, nothing, nothing);
  await repository.git(['switch', '-q', 'main']);
  await repository.git(['fsck', '--full', '--no-progress']);
});

test('a dirty file the change does not touch is carried along', async () => {
  const repository = await fixture();
  await addAgentCommit(repository, 'litecode/ok', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'two');
  repository.write({ 'README.md': 'my unsaved notes\n' });
  const result = await runCli(['apply'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(readFileSync(join(repository.dir, 'README.md'), 'utf8'), 'my unsaved notes\n');
  assert.is(await repository.git(['status', '--porcelain']), ' M README.md\n');
});

test('apply with no pending agent branch is a usage error', async () => {
  const repository = await fixture();
  const result = await runCli(['apply'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 2);
  assert.match(result.stderr, /no pending agent branch/);
});

test.run();
