import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { assertUserStateUnchanged, prepareUserState, snapshotUserState, userStates } from '../support/user-state.js';
import { git } from './agent-commit-helpers.js';

// The invariant helper is what proves invariant 1 everywhere: it must notice every kind of change.
const env = hermeticEnv();
let fixture: FixtureRepo;
test.before(async () => {
  fixture = await buildFixtureRepo('js-app', { env });
});
test.after(() => fixture.cleanup());

function expectChange(change: () => void, pattern: RegExp) {
  const before = snapshotUserState(fixture.dir, env);
  change();
  try {
    assertUserStateUnchanged(before, snapshotUserState(fixture.dir, env));
  } catch (error) {
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.unreachable(`the helper missed a change matching ${pattern}`);
}

test('unchanged state passes', () => {
  const before = snapshotUserState(fixture.dir, env);
  git(fixture.dir, env, ['--no-optional-locks', 'status']);
  assertUserStateUnchanged(before, snapshotUserState(fixture.dir, env));
});

test('notices a plain `git status` refreshing .git/index', () => {
  const { dir } = fixture;
  expectChange(() => {
    // Same content, a different mtime: the index's stat data is stale, and status rewrites it.
    utimesSync(join(dir, 'src/api.js'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    git(dir, env, ['status']);
  }, /\.git\/index bytes/);
});

test('notices ignored and untracked files, HEAD, branch, stash, refs and config', () => {
  const { dir } = fixture;
  expectChange(() => writeFileSync(join(dir, '.env'), 'changed\n'), /working tree \.env/);
  expectChange(() => writeFileSync(join(dir, 'new.txt'), 'new\n'), /working tree new\.txt/);
  expectChange(() => git(dir, env, ['stash', '-u', '-q']), /stash list/);
  expectChange(() => git(dir, env, ['checkout', '-q', '-b', 'elsewhere']), /current branch/);
  expectChange(() => git(dir, env, ['commit', '-q', '--allow-empty', '-m', 'x']), /HEAD/);
  expectChange(() => git(dir, env, ['branch', 'another']), /user refs/);
  expectChange(() => git(dir, env, ['config', 'core.abbrev', '9']), /repository config/);
  expectChange(() => git(dir, env, ['config', '--global', 'core.abbrev', '9']), /global config/);
  const before = snapshotUserState(dir, env);
  git(dir, env, ['branch', 'litecode/agent-branch']);
  const after = snapshotUserState(dir, env);
  assertUserStateUnchanged(before, after);
  assert.not.equal(after, before, 'a whole-snapshot comparison sees the new agent branch');
});

test('prepareUserState makes each state as named', async () => {
  const expected = { clean: '', dirty: ' M README.md', staged: 'M  src/utils.js', untracked: '?? notes/todo.txt' };
  for (const state of userStates) {
    const repo = await buildFixtureRepo('js-app', { env });
    try {
      assert.equal(prepareUserState(repo.dir, env, state), state === 'clean' ? [] : [expected[state].slice(3)]);
      assert.is(git(repo.dir, env, ['status', '--porcelain', '--untracked-files=all']), expected[state]);
    } finally {
      repo.cleanup();
    }
  }
});

test.run();
