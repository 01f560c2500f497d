import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoriesFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { runCli, runGitForTest, type CliResult } from '../support/run-cli.js';
import { snapshotUserState } from '../support/user-state.js';
import { pathWith, standInGitLitecode } from './hook-fixture.js';

const shippedHook = readFileSync(fileURLToPath(new URL('../../hooks/pre-commit', import.meta.url)));
const repositories = repositoriesFromFiles();
const standIn = standInGitLitecode('echo "stand-in ran: $*" >&2\necho ran >> "$LITECODE_TEST_MARKER"');
test.after(() => {
  repositories.removeAll();
  standIn.remove();
});

async function fixture(): Promise<RepoFromFiles> {
  const repository = await repositories.build();
  repository.env.PATH = pathWith(standIn.directory);
  repository.env.LITECODE_TEST_MARKER = join(repository.dir, '.git', 'stand-in-ran');
  return repository;
}

function listing(directory: string): string[] {
  return existsSync(directory) ? readdirSync(directory).sort() : [];
}

async function commit(repository: RepoFromFiles, file: string): Promise<CliResult> {
  writeFileSync(join(repository.dir, file), `${file} ${Date.now()}\n`);
  await runGitForTest(['add', file], { cwd: repository.dir, env: repository.env });
  return runGitForTest(['commit', '-q', '-m', `add ${file}`], { cwd: repository.dir, env: repository.env });
}

test('install into .git/hooks: the shipped script, executable, and git runs it on commit', async () => {
  const repository = await fixture();
  const before = snapshotUserState(repository.dir, repository.env);
  const result = await runCli(['hook', 'install'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /installed the git-litecode pre-commit hook: .*\.git\/hooks\/pre-commit/);
  const hookPath = join(repository.dir, '.git', 'hooks', 'pre-commit');
  assert.ok(readFileSync(hookPath).equals(shippedHook));
  assert.is(statSync(hookPath).mode & 0o777, 0o755);
  assert.equal(snapshotUserState(repository.dir, repository.env), before);
  const committed = await commit(repository, 'one.txt');
  assert.is(committed.exitCode, 0, committed.stderr);
  assert.match(committed.stderr, /stand-in ran: suggest --staged --hook/);
});

test('an existing hook is chained, not overwritten: it runs first and its exit code decides', async () => {
  const repository = await fixture();
  const hooks = join(repository.dir, '.git', 'hooks');
  const userHook = '#!/bin/sh\necho "user hook ran" >&2\n[ -e "$(git rev-parse --git-dir)/block" ] && exit 3\nexit 0\n';
  writeFileSync(join(hooks, 'pre-commit'), userHook);
  chmodSync(join(hooks, 'pre-commit'), 0o750);
  const result = await runCli(['hook', 'install'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /pre-commit\.litecode-chained; it runs first/);
  assert.is(readFileSync(join(hooks, 'pre-commit.litecode-chained'), 'utf8'), userHook);

  const allowed = await commit(repository, 'allowed.txt');
  assert.is(allowed.exitCode, 0, allowed.stderr);
  assert.match(allowed.stderr, /user hook ran[\s\S]*stand-in ran/);

  writeFileSync(join(repository.dir, '.git', 'block'), '');
  const head = (await runGitForTest(['rev-parse', 'HEAD'], { cwd: repository.dir, env: repository.env })).stdout;
  const blocked = await commit(repository, 'blocked.txt');
  assert.is(blocked.exitCode, 1, 'git reports the failed hook');
  assert.match(blocked.stderr, /user hook ran/);
  assert.not.match(blocked.stderr, /stand-in ran/);
  assert.is((await runGitForTest(['rev-parse', 'HEAD'], { cwd: repository.dir, env: repository.env })).stdout, head);
});

test('install twice is the same as once; uninstall restores the user hook byte for byte, mode too', async () => {
  const repository = await fixture();
  const hooks = join(repository.dir, '.git', 'hooks');
  const userHook = Buffer.from('#!/bin/sh\n# my hook \u00e9\nexit 0\n');
  writeFileSync(join(hooks, 'pre-commit'), userHook);
  chmodSync(join(hooks, 'pre-commit'), 0o741);
  const listingBefore = listing(hooks);

  assert.is((await runCli(['hook', 'install'], { cwd: repository.dir, env: repository.env })).exitCode, 0);
  const afterOnce = listing(hooks);
  const second = await runCli(['hook', 'install', '--json'], { cwd: repository.dir, env: repository.env });
  assert.is(second.exitCode, 0, second.stderr);
  assert.is(JSON.parse(second.stdout).outcome, 'updated');
  assert.equal(listing(hooks), afterOnce);
  assert.ok(readFileSync(join(hooks, 'pre-commit')).equals(shippedHook));
  assert.ok(readFileSync(join(hooks, 'pre-commit.litecode-chained')).equals(userHook));

  const removed = await runCli(['hook', 'uninstall'], { cwd: repository.dir, env: repository.env });
  assert.is(removed.exitCode, 0, removed.stderr);
  assert.match(removed.stdout, /restored your own pre-commit hook/);
  assert.equal(listing(hooks), listingBefore);
  assert.ok(readFileSync(join(hooks, 'pre-commit')).equals(userHook));
  assert.is(statSync(join(hooks, 'pre-commit')).mode & 0o777, 0o741);

  const again = await runCli(['hook', 'uninstall'], { cwd: repository.dir, env: repository.env });
  assert.is(again.exitCode, 0);
  assert.match(again.stdout, /not installed/);
  assert.ok(readFileSync(join(hooks, 'pre-commit')).equals(userHook));
});

test('-q installs and uninstalls (chained hook included) without a word on stdout or stderr', async () => {
  const repository = await fixture();
  const hooks = join(repository.dir, '.git', 'hooks');
  writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(hooks, 'pre-commit'), 0o755);
  for (const args of [['hook', 'install', '-q'], ['hook', 'install', '--quiet'], ['hook', 'uninstall', '-q'], ['hook', 'uninstall', '-q']]) {
    const result = await runCli(args, { cwd: repository.dir, env: repository.env });
    assert.is(result.exitCode, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.is(result.stdout + result.stderr, '', args.join(' '));
  }
  assert.is(readFileSync(join(hooks, 'pre-commit'), 'utf8'), '#!/bin/sh\nexit 0\n');
  assert.not.ok(existsSync(join(hooks, 'pre-commit.litecode-chained')));
});

test('core.hooksPath (relative to the top level) is respected, and uninstall removes the directory install made', async () => {
  const repository = await fixture();
  await repository.git(['config', 'core.hooksPath', '.githooks']);
  mkdirSync(join(repository.dir, 'sub'));
  const installed = await runCli(['hook', 'install'], { cwd: join(repository.dir, 'sub'), env: repository.env });
  assert.is(installed.exitCode, 0, installed.stderr);
  assert.ok(readFileSync(join(repository.dir, '.githooks', 'pre-commit')).equals(shippedHook));
  assert.not.ok(existsSync(join(repository.dir, '.git', 'hooks', 'pre-commit')));
  const committed = await commit(repository, 'via-hooks-path.txt');
  assert.is(committed.exitCode, 0, committed.stderr);
  assert.match(committed.stderr, /stand-in ran/);

  assert.is((await runCli(['hook', 'uninstall'], { cwd: repository.dir, env: repository.env })).exitCode, 0);
  assert.not.ok(existsSync(join(repository.dir, '.githooks')));
});

test('a hooks directory that cannot be written is a clear error with exit 4', async () => {
  const repository = await fixture();
  writeFileSync(join(repository.dir, '.git', 'not-a-directory'), '');
  await repository.git(['config', 'core.hooksPath', join(repository.dir, '.git', 'not-a-directory', 'hooks')]);
  const result = await runCli(['hook', 'install'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 4);
  assert.is(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^error: cannot write to the hooks directory .*core\.hooksPath/, result.stderr);

  // A read-only directory: mode bits for an ordinary user; root ignores them, so use sysfs, which refuses even root.
  const readOnly = process.getuid?.() === 0 ? '/sys/kernel' : join(repository.dir, 'read-only-hooks');
  if (process.getuid?.() !== 0) {
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
  }
  if (!existsSync(readOnly)) return;
  await repository.git(['config', 'core.hooksPath', readOnly]);
  const refused = await runCli(['hook', 'install'], { cwd: repository.dir, env: repository.env });
  assert.is(refused.exitCode, 4, refused.stderr);
  assert.match(refused.stderr, /cannot write to the hooks directory/);
  assert.not.ok(existsSync(join(readOnly, 'pre-commit')));
  if (process.getuid?.() !== 0) chmodSync(readOnly, 0o755);
});

test.run();
