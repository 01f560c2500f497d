import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test('a conflict stops in git\'s own conflict state with one line on how to finish or go back', async () => {
  const repository = await fixture();
  const sha = await addAgentCommit(repository, 'litecode/clash', { 'src/app.js': 'export function main() {\n  return 2;\n}\n' }, 'two');
  repository.write({ 'src/app.js': 'export function main() {\n  return 42;\n}\n' });
  await repository.git(['commit', '-qam', 'user edit']);
  const userHead = (await repository.git(['rev-parse', 'HEAD'])).trim();
  const result = await runCli(['apply', 'litecode/clash'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, new RegExp(`conflict in src/app\\.js.*git add\` them and \`git commit -C ${sha}\`.*\`git reset --merge\` to go back`));
  assert.is(await repository.git(['diff', '--name-only', '--diff-filter=U']), 'src/app.js\n');
  assert.match(readFileSync(join(repository.dir, 'src/app.js'), 'utf8'), /<<<<<<< HEAD/);
  assert.is((await repository.git(['rev-parse', 'HEAD'])).trim(), userHead);
  assert.ok(await branchExists(repository, 'litecode/clash'));
  await repository.git(['reset', '-q', '--merge']);
  assert.is(await repository.git(['status', '--porcelain']), '');
  await assertFsck(repository);
});

/** pre-commit and commit-msg hooks that log each run (and print a marker); pre-commit refuses while .git/refuse names a staged path. */
function installLoggingHooks(repository: RepoFromFiles): string {
  const log = join(repository.dir, '.git', 'hook-log');
  const hooks = join(repository.dir, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  const preCommit = [
    '#!/bin/sh',
    `echo "pre-commit $(git diff --cached --name-only | tr '\\n' ' ')" >> "${log}"`,
    'echo "PRE-COMMIT-MARKER"',
    'refuse="$(git rev-parse --git-dir)/refuse"',
    'if [ -f "$refuse" ] && git diff --cached --name-only | grep -qxF "$(cat "$refuse")"; then echo "lint: $(cat "$refuse") is not allowed" >&2; exit 1; fi',
    'exit 0',
  ];
  writeFileSync(join(hooks, 'pre-commit'), `${preCommit.join('\n')}\n`);
  writeFileSync(join(hooks, 'commit-msg'), `#!/bin/sh\necho "commit-msg $(head -n 1 "$1")" >> "${log}"\necho "COMMIT-MSG-MARKER" >&2\n`);
  chmodSync(join(hooks, 'pre-commit'), 0o755);
  chmodSync(join(hooks, 'commit-msg'), 0o755);
  return log;
}

async function agentCommitsByAnotherAuthor(repository: RepoFromFiles, branch: string, changes: Record<string, string>[]): Promise<string[]> {
  repository.env.GIT_AUTHOR_NAME = 'Recorded Author';
  repository.env.GIT_AUTHOR_EMAIL = 'recorded@example.com';
  try {
    const shas: string[] = [];
    for (const [index, files] of changes.entries()) shas.push(await addAgentCommit(repository, branch, files, `agent step ${index + 1}`));
    return shas;
  } finally {
    delete repository.env.GIT_AUTHOR_NAME;
    delete repository.env.GIT_AUTHOR_EMAIL;
  }
}

async function moveMainOn(repository: RepoFromFiles): Promise<string> {
  repository.write({ 'README.md': '# demo\n\nmore\n' });
  await repository.git(['commit', '-qam', 'user work', '--no-verify']);
  return (await repository.git(['rev-parse', 'HEAD'])).trim();
}

test('the cherry-pick path runs the user\'s pre-commit and commit-msg hooks for each commit, keeping author and message', async () => {
  const repository = await fixture();
  await agentCommitsByAnotherAuthor(repository, 'litecode/hooked', [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }]);
  const userHead = await moveMainOn(repository);
  const log = installLoggingHooks(repository);
  const result = await runCli(['apply', 'hooked'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /cherry-picked 2 commits/);
  assert.match(result.stderr, /PRE-COMMIT-MARKER[\s\S]*COMMIT-MSG-MARKER[\s\S]*PRE-COMMIT-MARKER[\s\S]*COMMIT-MSG-MARKER/);
  assert.is(readFileSync(log, 'utf8'), 'pre-commit a.txt \ncommit-msg agent step 1\npre-commit b.txt \ncommit-msg agent step 2\n');
  assert.is(await repository.git(['log', '--format=%an <%ae>|%cn|%s', `${userHead}..HEAD`]), 'Recorded Author <recorded@example.com>|Test User|agent step 2\nRecorded Author <recorded@example.com>|Test User|agent step 1\n');
  assert.match(await repository.git(['log', '-1', '--format=%B']), /Litecode-Kind: edit/);
  assert.is(await repository.git(['status', '--porcelain']), '');
  assert.not.ok(await branchExists(repository, 'litecode/hooked'));
  await assertFsck(repository);
});

test('a hook that refuses stops with that commit\'s changes staged, one line on how to finish or go back', async () => {
  const repository = await fixture();
  const [, sha] = await agentCommitsByAnotherAuthor(repository, 'litecode/refused', [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }, { 'c.txt': 'c\n' }]);
  const userHead = await moveMainOn(repository);
  installLoggingHooks(repository);
  writeFileSync(join(repository.dir, '.git', 'refuse'), 'b.txt');
  const result = await runCli(['apply', 'refused'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4, result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, new RegExp(`^error: git commit refused the changes of ${sha!.slice(0, 12)} from litecode/refused \\(lint: b\\.txt is not allowed\\); they are staged`));
  assert.match(result.stderr, new RegExp(`\`git commit -C ${sha}\`, then run git litecode apply litecode/refused again for the other 1, or \`git reset --merge ${userHead}\` to go back`));
  assert.is((await repository.git(['rev-list', '--count', `${userHead}..HEAD`])).trim(), '1', 'the first commit went through');
  assert.is(await repository.git(['diff', '--cached', '--name-only']), 'b.txt\n');
  assert.ok(await branchExists(repository, 'litecode/refused'));

  // Finishing as the line says, then applying again, takes the rest without taking anything twice.
  writeFileSync(join(repository.dir, '.git', 'refuse'), 'nothing');
  await repository.git(['commit', '-q', '-C', sha!]);
  const again = await runCli(['apply', 'refused'], { cwd: repository.dir, env: repository.env });
  assert.is(again.exitCode, 0, again.stderr);
  assert.is(await repository.git(['log', '--format=%s', `${userHead}..HEAD`]), 'agent step 3\nagent step 2\nagent step 1\n');
  assert.is(await repository.git(['status', '--porcelain']), '');
  await assertFsck(repository);
});

test('going back after a refusing hook leaves HEAD, index and working tree as before', async () => {
  const repository = await fixture();
  const [sha] = await agentCommitsByAnotherAuthor(repository, 'litecode/single', [{ 'a.txt': 'a\n' }]);
  const userHead = await moveMainOn(repository);
  installLoggingHooks(repository);
  writeFileSync(join(repository.dir, '.git', 'refuse'), 'a.txt');
  const result = await runCli(['apply', 'single'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4, result.stderr);
  assert.match(result.stderr, new RegExp(`finish with \`git commit -C ${sha}\`, or \`git reset --merge\` to go back\n$`));
  await repository.git(['reset', '-q', '--merge']);
  assert.is((await repository.git(['rev-parse', 'HEAD'])).trim(), userHead);
  assert.is(await repository.git(['status', '--porcelain']), '');
  assert.not.ok(existsSync(join(repository.dir, '.git', 'MERGE_MSG')));
  await assertFsck(repository);
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

  const attempt = async (args: string[], expected: RegExp, setup: () => Promise<void>, cleanup: () => Promise<void>, exitCode = 4) => {
    await setup();
    const before = snapshotUserState(repository.dir, repository.env);
    const result = await runCli(args, { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, exitCode, `${args.join(' ')}: ${result.stderr}`);
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
  // Naming a branch that is not litecode/* is a usage error (exit 2), not a repository state.
  await attempt(['apply', 'feature'], /feature is not an agent branch/, nothing, nothing, 2);
  await attempt(['apply', 'no-such-branch'], /no-such-branch is not an agent branch/, nothing, nothing, 2);
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

test('apply with no pending agent branch has nothing to act on: exit 1, as undo and show', async () => {
  const repository = await fixture();
  const result = await runCli(['apply'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 1);
  assert.match(result.stderr, /no pending agent branch/);
});

test.run();
