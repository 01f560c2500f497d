import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGitForTest } from '../support/run-cli.js';
import {
  assertCommitsLandInTime,
  assertSameDirectory,
  commitOverheadMs,
  hookLimitSeconds,
  clientRepo,
  lefthookBinary,
  lefthookConfig,
  lefthookRepo,
  litecode,
  modelScenario,
  runIn,
  snapshotDirectory,
  stageAndCommit,
  userHookRuns,
  type ClientRepo,
} from './hook-clients-fixture.js';

// lefthook (the npm package, a devDependency: its binary comes from the platform package
// lefthook-<os>-<arch>), installed the way its docs say: a lefthook.yml, then `lefthook install`.
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

const lefthook = (repository: ClientRepo, args: string[]) => runIn(repository, lefthookBinary, args);

test(`lefthook ${'install'}: the hook chains lefthook's, the user's failing command still blocks, and commits land in time with the model down, hanging or slow`, async () => {
  const repository = await lefthookRepo(cleanups);
  const before = snapshotDirectory(repository.hooks);
  const install = await litecode(repository, ['hook', 'install']);
  assert.is(install.exitCode, 0, install.stderr);
  assert.match(install.stderr + install.stdout, /lefthook install .* moves this hook aside/);

  const blocked = await stageAndCommit(repository, { USER_HOOK_EXIT: '1', LITECODE_SKIP: '1' });
  assert.is(blocked.exitCode, 1, 'the failing lefthook command blocks the commit');
  assert.not.ok(blocked.landed);
  assert.is(userHookRuns(repository), 1);

  await assertCommitsLandInTime(repository, hookLimitSeconds);
  assert.is(userHookRuns(repository), 4, "lefthook's command ran for every commit");

  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assertSameDirectory(snapshotDirectory(repository.hooks), before, 'uninstall restores the hooks directory');
});

test('after lefthook re-syncs over the hook, hook install and hook uninstall still do the right thing', async () => {
  const repository = await lefthookRepo(cleanups);
  const before = snapshotDirectory(repository.hooks);
  assert.is((await litecode(repository, ['hook', 'install'])).exitCode, 0);

  // A config change, and the `lefthook install` that follows it: ours is pushed aside to pre-commit.old.
  writeFileSync(join(repository.dir, 'lefthook.yml'), lefthookConfig('    other:\n      run: "true"\n'));
  const resynced = await lefthook(repository, ['install']);
  assert.is(resynced.exitCode, 0, resynced.stdout + resynced.stderr);
  assert.ok(existsSync(join(repository.hooks, 'pre-commit.old')), 'lefthook moved our hook aside');

  const reinstall = await litecode(repository, ['hook', 'install']);
  assert.is(reinstall.exitCode, 0, reinstall.stderr);
  assert.match(reinstall.stderr + reinstall.stdout, /lefthook had re-synced/);
  assert.not.ok(existsSync(join(repository.hooks, 'pre-commit.old')), 'no stale copy of ours is left');
  const down = await modelScenario('down', hookLimitSeconds);
  try {
    const committed = await stageAndCommit(repository, down.env);
    assert.is(committed.exitCode, 0, committed.stderr);
    assert.match(committed.stderr, down.line, 'our hook runs again');
    const blocked = await stageAndCommit(repository, { ...down.env, USER_HOOK_EXIT: '1' });
    assert.is(blocked.exitCode, 1, 'and the failing lefthook command still blocks');
  } finally {
    await down.close();
  }

  // Another re-sync, then uninstall: it finds our pieces, removes them, and leaves lefthook's hook.
  assert.is((await lefthook(repository, ['install', '--force'])).exitCode, 0);
  assert.is((await lefthook(repository, ['install'])).exitCode, 0);
  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assert.not.match(uninstall.stderr + uninstall.stdout, /not installed/);
  assertSameDirectory(snapshotDirectory(repository.hooks), before, 'after uninstall the hooks directory is what lefthook alone leaves');
  const again = await litecode(repository, ['hook', 'uninstall']);
  assert.match(again.stderr + again.stdout, /not installed/);
});

test('a hook the user had before lefthook stays where lefthook keeps it (pre-commit.old) through install, re-sync and uninstall', async () => {
  const repository = await clientRepo({ 'lefthook.yml': lefthookConfig() });
  cleanups.push(repository.cleanup);
  const hooks = join(repository.dir, '.git', 'hooks');
  writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho "my old hook"\n', { mode: 0o755 });
  assert.is((await lefthook(repository, ['install'])).exitCode, 0);
  const before = snapshotDirectory(hooks);
  assert.ok(before['pre-commit.old']);
  assert.is((await litecode(repository, ['hook', 'install'])).exitCode, 0);
  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assertSameDirectory(snapshotDirectory(hooks), before, 'uninstall restores lefthook and the old hook');
  const committed = await runGitForTest(['commit', '-q', '--allow-empty', '-m', 'empty'], { cwd: repository.dir, env: repository.env });
  assert.is(committed.exitCode, 0, committed.stderr);
});

test('the setup that survives re-syncs: git-litecode in lefthook-local.yml, in time with the model down, hanging or slow, silent when absent', async () => {
  const repository = await lefthookRepo(cleanups);
  // The README's lefthook-local.yml: lefthook merges it into lefthook.yml; it is the user's own, not the team's.
  writeFileSync(
    join(repository.dir, 'lefthook-local.yml'),
    'pre-commit:\n  commands:\n    git-litecode:\n      run: command -v git-litecode >/dev/null || exit 0; git-litecode suggest --staged --hook\n',
  );
  assert.is((await lefthook(repository, ['install'])).exitCode, 0);
  // Called directly there is no shell watchdog: git-litecode's own limit counts from node's start,
  // lefthook's own start-up comes before it (measured with the command excluded, lefthook's way),
  // and on a loaded machine node's own exit after the deadline can take a while: one more second.
  const overhead = (await commitOverheadMs(repository, { LEFTHOOK_EXCLUDE: 'git-litecode' })) + 1000;
  await assertCommitsLandInTime(repository, hookLimitSeconds, { clientOverheadMs: overhead });
  const blocked = await stageAndCommit(repository, { USER_HOOK_EXIT: '1', LITECODE_SKIP: '1' });
  assert.is(blocked.exitCode, 1, 'the failing lefthook command still blocks');
  const { pathWithoutGitLitecode } = await import('./hook-fixture.js');
  const absent = await stageAndCommit(repository, { PATH: pathWithoutGitLitecode() });
  assert.is(absent.exitCode, 0, absent.stdout + absent.stderr);
  assert.ok(absent.landed);
});

test.run();
