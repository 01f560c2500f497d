import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  assertCommitsLandInTime,
  assertSameDirectory,
  hookLimitSeconds,
  clientRepo,
  commitOverheadMs,
  litecode,
  modelScenario,
  preCommitRepo,
  runIn,
  snapshotDirectory,
  stageAndCommit,
  userHookRuns,
} from './hook-clients-fixture.js';

// The pre-commit framework as Debian ships it (.ci/run installs the `pre-commit` package),
// consuming this repository the way its docs say: .pre-commit-config.yaml with `repo:` a clone
// of this repository and `rev:` a commit, then `pre-commit install`, then `git commit`.
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

test('pre-commit (the framework): the manifest loads without a warning, the user hook still blocks, and commits land in time with the model down, hanging or slow', async () => {
  const version = await runIn(await clientRepo(), 'pre-commit', ['--version']);
  assert.is(version.exitCode, 0, 'pre-commit is installed (.ci/run installs it with apt-get)');
  const repository = await preCommitRepo(cleanups);

  const blocked = await stageAndCommit(repository, { USER_HOOK_EXIT: '1', LITECODE_SKIP: '1' });
  assert.is(blocked.exitCode, 1, `the failing user hook blocks the commit: ${blocked.stdout}${blocked.stderr}`);
  assert.not.ok(blocked.landed);
  assert.is(userHookRuns(repository), 1);

  const first = await stageAndCommit(repository, (await modelScenario('down', hookLimitSeconds)).env);
  assert.is(first.exitCode, 0, first.stdout + first.stderr);
  assert.not.match(first.stdout + first.stderr, /WARNING|InvalidManifestError|deprecated/);
  assert.match(first.stdout + first.stderr, /git-litecode suggestions\.+Passed/);

  // The framework's own start-up (Python, its config, its stash check) comes before our hook
  // starts: the limit counts from there.
  await assertCommitsLandInTime(repository, hookLimitSeconds, { clientOverheadMs: await commitOverheadMs(repository) });
});

test('git-litecode absent from PATH: the framework hook says so in one line and the commit goes on', async () => {
  const repository = await preCommitRepo(cleanups);
  const { pathWithoutGitLitecode } = await import('./hook-fixture.js');
  const result = await stageAndCommit(repository, { PATH: pathWithoutGitLitecode() });
  assert.is(result.exitCode, 0, result.stdout + result.stderr);
  assert.ok(result.landed);
  assert.match(result.stdout + result.stderr, /git-litecode: not on PATH/);
});

test('hook install on top of `pre-commit install`, then `pre-commit install` again: uninstall restores what the framework alone leaves', async () => {
  const repository = await preCommitRepo(cleanups);
  const before = snapshotDirectory(repository.hooks);
  assert.is((await litecode(repository, ['hook', 'install'])).exitCode, 0);
  const reinstalled = await runIn(repository, 'pre-commit', ['install']);
  assert.is(reinstalled.exitCode, 0, reinstalled.stdout + reinstalled.stderr);
  // The framework now runs ours as its legacy hook: the commit still goes through, framework hooks run once.
  const down = await modelScenario('down', hookLimitSeconds);
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
