import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertCommitsLandInTime,
  assertSameDirectory,
  hookLimitSeconds,
  huskyRepo,
  litecode,
  modelScenario,
  runIn,
  snapshotDirectory,
  stageAndCommit,
  userHookRuns,
  type ClientRepo,
} from './hook-clients-fixture.js';

// husky 9 (a devDependency), set up the way its docs say: a package.json, node_modules, then
// `npx husky init`, which sets core.hooksPath to .husky/_ and writes .husky/pre-commit.
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

/** `husky` again, as `npm install` runs it through the prepare script: husky rewrites .husky/_. */
async function rerunHusky(repository: ClientRepo): Promise<void> {
  const result = await runIn(repository, 'npx', ['--no-install', 'husky']);
  assert.is(result.exitCode, 0, result.stdout + result.stderr);
}

test("husky 9: the user's .husky/pre-commit still runs and still blocks, commits land in time with the model down, hanging or slow, and uninstall restores husky's files", async () => {
  const repository = await huskyRepo(cleanups);
  const before = snapshotDirectory(repository.hooks);
  const userHook = readFileSync(join(repository.dir, '.husky', 'pre-commit'));
  const install = await litecode(repository, ['hook', 'install']);
  assert.is(install.exitCode, 0, install.stderr);
  assert.match(install.stderr + install.stdout, /husky rewrites its hook files/);

  const blocked = await stageAndCommit(repository, { USER_HOOK_EXIT: '1', LITECODE_SKIP: '1' });
  assert.is(blocked.exitCode, 1, `the failing .husky/pre-commit blocks the commit: ${blocked.stdout}${blocked.stderr}`);
  assert.not.ok(blocked.landed);
  assert.is(userHookRuns(repository), 1, '.husky/pre-commit ran');

  await assertCommitsLandInTime(repository, hookLimitSeconds);
  assert.is(userHookRuns(repository), 4, '.husky/pre-commit ran for every commit');

  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assertSameDirectory(snapshotDirectory(repository.hooks), before, "uninstall restores husky's .husky/_");
  assert.ok(readFileSync(join(repository.dir, '.husky', 'pre-commit')).equals(userHook), '.husky/pre-commit is untouched');
});

test('after `husky` runs again (npm install), hook install and hook uninstall still do the right thing', async () => {
  const repository = await huskyRepo(cleanups);
  const before = snapshotDirectory(repository.hooks);
  assert.is((await litecode(repository, ['hook', 'install'])).exitCode, 0);
  await rerunHusky(repository);

  const reinstall = await litecode(repository, ['hook', 'install']);
  assert.is(reinstall.exitCode, 0, reinstall.stderr);
  const down = await modelScenario('down', hookLimitSeconds);
  try {
    const committed = await stageAndCommit(repository, down.env);
    assert.is(committed.exitCode, 0, committed.stderr);
    assert.match(committed.stderr, down.line, 'our hook runs again');
    const blocked = await stageAndCommit(repository, { ...down.env, USER_HOOK_EXIT: '1' });
    assert.is(blocked.exitCode, 1, 'and the failing .husky/pre-commit still blocks');
  } finally {
    await down.close();
  }

  await rerunHusky(repository);
  const uninstall = await litecode(repository, ['hook', 'uninstall']);
  assert.is(uninstall.exitCode, 0, uninstall.stderr);
  assert.not.match(uninstall.stderr + uninstall.stdout, /not installed/);
  assertSameDirectory(snapshotDirectory(repository.hooks), before, 'after uninstall .husky/_ is what husky alone writes');
});

test.run();
