import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGitForTest, type CliResult } from '../support/run-cli.js';
import {
  assertCommitsLandInTime,
  assertSameDirectory,
  clientRepo,
  litecode,
  modelScenario,
  removeLater,
  repositoryRoot,
  snapshotDirectory,
  stageAndCommit,
  userHookCommand,
  userHookRuns,
  type ClientRepo,
} from './hook-clients-fixture.js';

// The pre-commit framework as Debian ships it (.ci/run installs the `pre-commit` package),
// consuming this repository the way its docs say: .pre-commit-config.yaml with `repo:` a clone
// of this repository and `rev:` a commit, then `pre-commit install`, then `git commit`.
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

function run(command: string, args: string[], repository: ClientRepo): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: repository.dir, env: repository.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, stderr, exitCode: code ?? -1, signal, durationMs: Date.now() - started }));
  });
}

/** A clone of this repository as pre-commit sees one: a git repository holding the shipped manifest and hook. */
async function hooksRepository(env: NodeJS.ProcessEnv): Promise<{ url: string; rev: string }> {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-hooks-repo-')));
  removeLater(cleanups, directory);
  mkdirSync(join(directory, 'hooks'));
  copyFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), join(directory, '.pre-commit-hooks.yaml'));
  copyFileSync(join(repositoryRoot, 'hooks', 'pre-commit'), join(directory, 'hooks', 'pre-commit'));
  chmodSync(join(directory, 'hooks', 'pre-commit'), 0o755);
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'hooks']]) {
    const result = await runGitForTest(args, { cwd: directory, env });
    assert.is(result.exitCode, 0, result.stderr);
  }
  const rev = (await runGitForTest(['rev-parse', 'HEAD'], { cwd: directory, env })).stdout.trim();
  return { url: directory, rev };
}

async function preCommitRepo(): Promise<ClientRepo & { hooks: string }> {
  const repository = await clientRepo();
  cleanups.push(repository.cleanup);
  const preCommitHome = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-pre-commit-home-')));
  removeLater(cleanups, preCommitHome);
  repository.env.PRE_COMMIT_HOME = preCommitHome;
  const { url, rev } = await hooksRepository(repository.env);
  writeFileSync(
    join(repository.dir, '.pre-commit-config.yaml'),
    [
      'repos:',
      `  - repo: ${url}`,
      `    rev: ${rev}`,
      '    hooks:',
      '      - id: git-litecode-suggest',
      '  - repo: local',
      '    hooks:',
      '      - id: user-check',
      '        name: user check',
      `        entry: sh -c '${userHookCommand}'`,
      '        language: system',
      '        pass_filenames: false',
      '        always_run: true',
      '',
    ].join('\n'),
  );
  await repository.git(['add', '.pre-commit-config.yaml']);
  await repository.git(['commit', '-q', '--no-verify', '-m', 'pre-commit config']);
  const install = await run('pre-commit', ['install', '--install-hooks'], repository);
  assert.is(install.exitCode, 0, install.stdout + install.stderr);
  assert.not.match(install.stdout + install.stderr, /WARNING|InvalidManifestError/);
  return Object.assign(repository, { hooks: join(repository.dir, '.git', 'hooks') });
}

test('pre-commit (the framework): the manifest loads without a warning, the user hook still blocks, and commits land in time with the model down, hanging or slow', async () => {
  const version = await run('pre-commit', ['--version'], await clientRepo());
  assert.is(version.exitCode, 0, 'pre-commit is installed (.ci/run installs it with apt-get)');
  const repository = await preCommitRepo();

  const blocked = await stageAndCommit(repository, { USER_HOOK_EXIT: '1', LITECODE_SKIP: '1' });
  assert.is(blocked.exitCode, 1, `the failing user hook blocks the commit: ${blocked.stdout}${blocked.stderr}`);
  assert.not.ok(blocked.landed);
  assert.is(userHookRuns(repository), 1);

  const first = await stageAndCommit(repository, (await modelScenario('down', 3)).env);
  assert.is(first.exitCode, 0, first.stdout + first.stderr);
  assert.not.match(first.stdout + first.stderr, /WARNING|InvalidManifestError|deprecated/);
  assert.match(first.stdout + first.stderr, /git-litecode suggestions\.+Passed/);

  await assertCommitsLandInTime(repository, 3);
});

test('git-litecode absent from PATH: the framework hook says so in one line and the commit goes on', async () => {
  const repository = await preCommitRepo();
  const { pathWithoutGitLitecode } = await import('./hook-fixture.js');
  const result = await stageAndCommit(repository, { PATH: pathWithoutGitLitecode() });
  assert.is(result.exitCode, 0, result.stdout + result.stderr);
  assert.ok(result.landed);
  assert.match(result.stdout + result.stderr, /git-litecode: not on PATH/);
});

test('hook install on top of `pre-commit install`, then `pre-commit install` again: uninstall restores what the framework alone leaves', async () => {
  const repository = await preCommitRepo();
  const before = snapshotDirectory(repository.hooks);
  assert.is((await litecode(repository, ['hook', 'install'])).exitCode, 0);
  const reinstalled = await run('pre-commit', ['install'], repository);
  assert.is(reinstalled.exitCode, 0, reinstalled.stdout + reinstalled.stderr);
  // The framework now runs ours as its legacy hook: the commit still goes through, framework hooks run once.
  const down = await modelScenario('down', 3);
  const meanwhile = await stageAndCommit(repository, down.env);
  assert.is(meanwhile.exitCode, 0, meanwhile.stdout + meanwhile.stderr);
  assert.is(userHookRuns(repository), 1, 'the user hook ran once');
  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assert.not.match(uninstall.stderr + uninstall.stdout, /not installed/);
  assertSameDirectory(snapshotDirectory(repository.hooks), before, 'the hooks directory is what pre-commit install alone leaves');
  const committed = await stageAndCommit(repository, { LITECODE_SKIP: '1' });
  assert.is(committed.exitCode, 0, committed.stdout + committed.stderr);
});

test.run();
