import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { addAgentCommit, repositoriesFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { runCli, runGitForTest } from '../support/run-cli.js';

// Whatever reaches the user's branch goes through their `git commit`: hooks, template, signing.
// Real git, real hooks, real SSH signing.

const repositories = repositoriesFromFiles();
test.after(repositories.removeAll);

async function branchExists(repository: RepoFromFiles, name: string): Promise<boolean> {
  return (await runGitForTest(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`], { cwd: repository.dir, env: repository.env })).exitCode === 0;
}

async function head(repository: RepoFromFiles): Promise<string> {
  return (await repository.git(['rev-parse', 'HEAD'])).trim();
}

/**
 * Two agent commits on litecode/work, on top of main (so a fast-forward is possible). Committed
 * in the past, so that a commit re-made by `git commit -C` never comes out byte-identical.
 */
async function twoAgentCommits(repository: RepoFromFiles): Promise<string[]> {
  repository.env.GIT_COMMITTER_DATE = '2020-01-01T00:00:00Z';
  try {
    return [
      await addAgentCommit(repository, 'litecode/work', { 'a.txt': 'a\n' }, 'agent step 1'),
      await addAgentCommit(repository, 'litecode/work', { 'b.txt': 'b\n' }, 'agent step 2'),
    ];
  } finally {
    delete repository.env.GIT_COMMITTER_DATE;
  }
}

function writeHook(directory: string, name: string, lines: string[]): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, name), `#!/bin/sh\n${lines.join('\n')}\n`);
  chmodSync(join(directory, name), 0o755);
}

const hooksOf = (repository: RepoFromFiles) => join(repository.dir, '.git', 'hooks');

async function assertRefusedWithoutMoving(repository: RepoFromFiles, args: string[], said: RegExp): Promise<void> {
  const before = await head(repository);
  const result = await runCli(args, { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4, result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^error: git commit refused the changes of [0-9a-f]{12} from litecode\/work/);
  assert.match(result.stderr, said);
  assert.match(result.stderr, /`git reset --merge` to go back/);
  assert.is(await head(repository), before, 'the user\'s branch did not move');
  assert.is((await repository.git(['symbolic-ref', '--short', 'HEAD'])).trim(), 'main');
  assert.ok(await branchExists(repository, 'litecode/work'), 'the agent branch stays');
  // Going back as the line says leaves the repository as it was.
  await repository.git(['reset', '-q', '--merge']);
  assert.is(await repository.git(['status', '--porcelain']), '');
  await repository.git(['fsck', '--full', '--no-progress']);
}

test('a refusing pre-commit hook stops a fast-forwardable apply: the branch does not move, one line says what to do', async () => {
  const repository = await repositories.build();
  await twoAgentCommits(repository);
  writeHook(hooksOf(repository), 'pre-commit', ['echo "lint: not today" >&2', 'exit 1']);
  await assertRefusedWithoutMoving(repository, ['apply', 'litecode/work'], /\(lint: not today\); they are staged/);
});

test('a refusing commit-msg hook stops it the same way', async () => {
  const repository = await repositories.build();
  await twoAgentCommits(repository);
  writeHook(hooksOf(repository), 'commit-msg', ['echo "commit-msg: needs a ticket number" >&2', 'exit 1']);
  await assertRefusedWithoutMoving(repository, ['apply', 'litecode/work'], /\(commit-msg: needs a ticket number\)/);
});

test('a prepare-commit-msg hook runs on each applied commit, and the agent trailers stay', async () => {
  const repository = await repositories.build();
  const shas = await twoAgentCommits(repository);
  const before = await head(repository);
  writeHook(hooksOf(repository), 'prepare-commit-msg', ['printf "\\nPrepared-by: hook (%s)\\n" "$2" >> "$1"']);
  const result = await runCli(['apply', 'litecode/work', '--json'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  const data = JSON.parse(result.stdout);
  assert.is(data.mode, 'cherry-pick');
  assert.is(data.reason, 'commit-rules');
  assert.equal(data.commitRules, ['prepare-commit-msg hook']);
  const newHead = await head(repository);
  assert.equal(data.landed, { from: before, to: newHead });
  assert.not.ok(shas.includes(newHead), 're-made through git commit, not fast-forwarded');
  const messages = (await repository.git(['log', '--format=%B%x00', `${before}..HEAD`])).split('\0').map((text) => text.trim()).filter(Boolean);
  assert.is(messages.length, 2);
  for (const message of messages) {
    assert.match(message, /Prepared-by: hook \(commit\)/);
    assert.match(message, /Litecode-Kind: edit/);
    assert.match(message, /Assisted-by: git-litecode:/);
  }
  assert.is(await repository.git(['log', '--format=%s', `${before}..HEAD`]), 'agent step 2\nagent step 1\n');
  assert.is(await repository.git(['status', '--porcelain']), '');
  assert.not.ok(await branchExists(repository, 'litecode/work'));
  await repository.git(['fsck', '--full', '--no-progress']);
});

/** SSH commit signing as its docs set it up, with an allowed-signers file so verify-commit can check. */
function configureSshSigning(repository: RepoFromFiles): void {
  const key = join(repository.env.HOME!, 'signing-key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test@example.com', '-f', key]);
  const allowed = join(repository.env.HOME!, 'allowed-signers');
  writeFileSync(allowed, `test@example.com ${readFileSync(`${key}.pub`, 'utf8').trim()}\n`);
  execFileSync('git', ['config', 'gpg.format', 'ssh'], { cwd: repository.dir, env: repository.env });
  execFileSync('git', ['config', 'user.signingkey', `${key}.pub`], { cwd: repository.dir, env: repository.env });
  execFileSync('git', ['config', 'gpg.ssh.allowedSignersFile', allowed], { cwd: repository.dir, env: repository.env });
  execFileSync('git', ['config', 'commit.gpgsign', 'true'], { cwd: repository.dir, env: repository.env });
}

async function assertSignedAndVerified(repository: RepoFromFiles, range: string, count: number): Promise<void> {
  const commits = (await repository.git(['rev-list', range])).trim().split('\n').filter(Boolean);
  assert.is(commits.length, count);
  for (const sha of commits) {
    assert.match(await repository.git(['cat-file', 'commit', sha]), /^gpgsig -----BEGIN SSH SIGNATURE-----/m, `${sha} is signed`);
    const verified = await runGitForTest(['verify-commit', sha], { cwd: repository.dir, env: repository.env });
    assert.is(verified.exitCode, 0, verified.stderr);
    assert.match(verified.stderr, /Good "git" signature for test@example\.com/);
  }
}

test('with SSH signing on, the applied commits are signed and verify (fast-forwardable branch)', async () => {
  const repository = await repositories.build();
  await twoAgentCommits(repository);
  configureSshSigning(repository);
  const before = await head(repository);
  const result = await runCli(['apply', 'litecode/work'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /^applied litecode\/work: cherry-picked 2 commits through git commit \(commit\.gpgsign\), HEAD is now [0-9a-f]{12} \(2 files\)\n/);
  await assertSignedAndVerified(repository, `${before}..HEAD`, 2);
  assert.match(await repository.git(['log', '-1', '--format=%B']), /Litecode-Kind: edit/);
  await repository.git(['fsck', '--full', '--no-progress']);
});

test('with SSH signing on, the applied commits are signed when main has moved on too', async () => {
  const repository = await repositories.build();
  await twoAgentCommits(repository);
  repository.write({ 'README.md': '# demo\n\nmore\n' });
  await repository.git(['commit', '-qam', 'user work']);
  configureSshSigning(repository);
  const before = await head(repository);
  const result = await runCli(['apply', 'litecode/work'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  await assertSignedAndVerified(repository, `${before}..HEAD`, 2);
});

test('--ff fast-forwards even with hooks present, runs none of them, and says so', async () => {
  const repository = await repositories.build();
  const shas = await twoAgentCommits(repository);
  const log = join(repository.dir, '.git', 'hook-log');
  for (const name of ['pre-commit', 'commit-msg', 'prepare-commit-msg']) writeHook(hooksOf(repository), name, [`echo ${name} >> "${log}"`, 'exit 1']);
  const result = await runCli(['apply', 'litecode/work', '--ff'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /fast-forwarded to [0-9a-f]{12}, as --ff asked, skipping pre-commit hook, prepare-commit-msg hook, commit-msg hook/);
  assert.is(await head(repository), shas[1]);
  assert.not.ok(existsSync(log), 'no hook ran');

  const json = await repositories.build();
  const [, jsonTip] = await twoAgentCommits(json);
  writeHook(hooksOf(json), 'pre-commit', ['exit 1']);
  const jsonResult = await runCli(['apply', 'litecode/work', '--ff', '--json'], { cwd: json.dir, env: json.env });
  assert.is(jsonResult.exitCode, 0, jsonResult.stderr);
  const data = JSON.parse(jsonResult.stdout);
  assert.is(data.mode, 'fast-forward');
  assert.is(data.reason, 'ff-requested');
  assert.equal(data.landed, { from: (await json.git(['rev-parse', 'HEAD~2'])).trim(), to: jsonTip });
});

test('with no hook, template or signing it fast-forwards and says why; sample and non-executable hooks do not count', async () => {
  const repository = await repositories.build();
  const shas = await twoAgentCommits(repository);
  writeFileSync(join(hooksOf(repository), 'pre-commit.sample'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(hooksOf(repository), 'pre-commit.sample'), 0o755);
  writeFileSync(join(hooksOf(repository), 'commit-msg'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(hooksOf(repository), 'commit-msg'), 0o644);
  const result = await runCli(['apply', 'litecode/work'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /^applied litecode\/work: fast-forwarded to [0-9a-f]{12}, as no commit hook, commit\.template or commit\.gpgsign is configured \(2 files\)\n/);
  assert.is(await head(repository), shas[1]);
});

test('a hook in core.hooksPath counts, and so does commit.template', async () => {
  const hooked = await repositories.build();
  const hookedShas = await twoAgentCommits(hooked);
  // Relative, as projects that keep their hooks in the repository set it.
  writeHook(join(hooked.dir, '.githooks'), 'pre-commit', ['exit 0']);
  await hooked.git(['config', 'core.hooksPath', '.githooks']);
  const hookedResult = await runCli(['apply', 'litecode/work', '--json'], { cwd: hooked.dir, env: hooked.env });
  assert.is(hookedResult.exitCode, 0, hookedResult.stderr);
  assert.equal(JSON.parse(hookedResult.stdout).commitRules, ['pre-commit hook']);
  assert.is(JSON.parse(hookedResult.stdout).reason, 'commit-rules');
  assert.not.ok(hookedShas.includes(await head(hooked)));

  const templated = await repositories.build();
  const templatedShas = await twoAgentCommits(templated);
  writeFileSync(join(templated.env.HOME!, 'commit-template.txt'), 'Ticket: \n');
  await templated.git(['config', 'commit.template', join(templated.env.HOME!, 'commit-template.txt')]);
  const templatedResult = await runCli(['apply', 'litecode/work', '--json'], { cwd: templated.dir, env: templated.env });
  assert.is(templatedResult.exitCode, 0, templatedResult.stderr);
  const data = JSON.parse(templatedResult.stdout);
  assert.is(data.mode, 'cherry-pick');
  assert.equal(data.commitRules, ['commit.template']);
  assert.not.ok(templatedShas.includes(await head(templated)));
  assert.match(await templated.git(['log', '-1', '--format=%B']), /^agent step 2\n\nLitecode-Kind: edit/);
});

test('--ff cannot combine with --squash or --patch', async () => {
  const repository = await repositories.build();
  await twoAgentCommits(repository);
  for (const other of ['--squash', '--patch']) {
    const result = await runCli(['apply', '--ff', other], { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, 2, result.stderr);
    assert.is(result.stderr.trim().split('\n').length, 1);
  }
});

test.run();
