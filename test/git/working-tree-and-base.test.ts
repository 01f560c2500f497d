import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitStateError } from '../../src/errors/litecode-error.js';
import { assertFilesNotDirty, resolveBase } from '../../src/git/base-commit.js';
import { requireIdentity } from '../../src/git/identity.js';
import { findIgnoredPaths } from '../../src/git/ignored-paths.js';
import { withMaterializedTree } from '../../src/git/materialized-worktree.js';
import { assertNoOperationInProgress } from '../../src/git/operation-in-progress.js';
import { readFileAtCommit } from '../../src/git/read-object.js';
import { commitChanges, findScratchLeftovers, pruneScratchLeftovers } from '../../src/git/scratch-commit.js';
import { listUncommittedPaths } from '../../src/git/working-tree-status.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { assertUserStateUnchanged, makeIndexStale, prepareUserState, snapshotUserState } from '../support/user-state.js';
import { git, listTrackedFiles, openRepository } from './agent-commit-helpers.js';

const env = hermeticEnv();
const fixtures: FixtureRepo[] = [];
test.after(() => fixtures.forEach((fixture) => fixture.cleanup()));
async function fixture(name: Parameters<typeof buildFixtureRepo>[0] = 'js-app') {
  const built = await buildFixtureRepo(name, { env });
  fixtures.push(built);
  return built;
}

async function rejects(promise: Promise<unknown>, pattern: RegExp) {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, GitStateError);
    assert.match((error as GitStateError).toOneLine(), pattern);
    return;
  }
  assert.unreachable(`expected a GitStateError matching ${pattern}`);
}

test('listUncommittedPaths sees staged, unstaged, untracked, renamed and spaced paths, and never writes the index', async () => {
  const { dir } = await fixture();
  prepareUserState(dir, env, 'dirty');
  prepareUserState(dir, env, 'staged');
  prepareUserState(dir, env, 'untracked');
  writeFileSync(join(dir, 'with space.txt'), 'x\n');
  git(dir, env, ['mv', 'src/auth.js', 'src/authentication.js']);
  makeIndexStale(dir, 'src/api.js');
  const repository = await openRepository(dir, env);
  const before = snapshotUserState(dir, env);
  const paths = await listUncommittedPaths(repository);
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.equal([...paths].sort(), ['README.md', 'notes/todo.txt', 'src/auth.js', 'src/authentication.js', 'src/utils.js', 'with space.txt']);
});

test('the HEAD base refuses a dirty file the task edits, naming it; other dirty files are fine', async () => {
  const { dir } = await fixture();
  prepareUserState(dir, env, 'dirty');
  const repository = await openRepository(dir, env);
  const base = await resolveBase(repository, { snapshot: false });
  assert.equal(base, { kind: 'head', commit: git(dir, env, ['rev-parse', 'HEAD']) });
  await assertFilesNotDirty(repository, ['src/api.js'], base);
  await rejects(assertFilesNotDirty(repository, ['src/api.js', 'README.md'], base), /README\.md has uncommitted changes.*--snapshot/);
});

test('--snapshot builds on the working tree without touching index, tree or stash (stale index, split index)', async () => {
  const { dir } = await fixture();
  git(dir, env, ['update-index', '--split-index']);
  prepareUserState(dir, env, 'dirty');
  prepareUserState(dir, env, 'staged');
  makeIndexStale(dir, 'src/auth.js'); // git stash create would refresh (rewrite) the index
  const repository = await openRepository(dir, env);
  const before = snapshotUserState(dir, env);
  const base = await resolveBase(repository, { snapshot: true });
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.is(base.kind, 'snapshot');
  if (base.kind !== 'snapshot') return;
  assert.is(base.headCommit, git(dir, env, ['rev-parse', 'HEAD']));
  assert.is(git(dir, env, ['rev-parse', `${base.commit}^`]), base.headCommit, 'a plain child of HEAD');
  assert.match(git(dir, env, ['cat-file', '-p', `${base.commit}:README.md`]), /An uncommitted line\./);
  assert.match(git(dir, env, ['cat-file', '-p', `${base.commit}:src/utils.js`]), /A staged line\./);
  await assertFilesNotDirty(repository, ['README.md', 'src/utils.js'], base);
  prepareUserState(dir, env, 'untracked');
  await rejects(assertFilesNotDirty(repository, ['notes/todo.txt'], base), /notes\/todo\.txt is an untracked file, which a snapshot does not include/);
  assert.is(readdirSync(join(dir, '.git/litecode/scratch')).length, 0, 'scratch cleaned up');
});

test('--snapshot on a clean tree is just HEAD', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  assert.equal(await resolveBase(repository, { snapshot: true }), { kind: 'head', commit: git(dir, env, ['rev-parse', 'HEAD']) });
});

test('identity: the configured one, or a clear error instead of a guessed one', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  assert.equal(await requireIdentity(repository), { name: 'Test User', email: 'test@example.com' });
  const anonymous = hermeticEnv({ identity: false });
  await openRepository(dir, anonymous);
  await rejects(requireIdentity(repository), /no git user identity.*git config --global user\.name/);
  await openRepository(dir, env);
});

test('operations in progress are refused with how to finish them', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  await assertNoOperationInProgress(repository);
  git(dir, env, ['checkout', '-q', '-b', 'other']);
  writeFileSync(join(dir, 'src/utils.js'), 'other side\n');
  git(dir, env, ['commit', '-qam', 'other']);
  git(dir, env, ['checkout', '-q', 'main']);
  writeFileSync(join(dir, 'src/utils.js'), 'main side\n');
  git(dir, env, ['commit', '-qam', 'main']);
  const merge = (() => {
    try {
      return git(dir, env, ['merge', 'other']);
    } catch {
      return 'conflict';
    }
  })();
  assert.is(merge, 'conflict');
  await rejects(assertNoOperationInProgress(repository), /a merge is in progress.*git merge --abort/);
  git(dir, env, ['merge', '--abort']);
  try {
    git(dir, env, ['cherry-pick', 'other']);
  } catch {
    // conflict expected
  }
  await rejects(assertNoOperationInProgress(repository), /a cherry-pick is in progress/);
  git(dir, env, ['cherry-pick', '--abort']);
  await assertNoOperationInProgress(repository);
});

test('ignored paths: .gitignore (even for tracked files) plus a top-level .litecodeignore, without writing config', async () => {
  const { dir } = await fixture();
  writeFileSync(join(dir, '.litecodeignore'), 'test/\n*.lock\n');
  const repository = await openRepository(dir, env);
  const before = snapshotUserState(dir, env);
  const ignored = await findIgnoredPaths(repository, ['.env', 'src/api.js', 'test/auth.test.js', 'package-lock.lock', 'node_modules/x/index.js']);
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.equal([...ignored].sort(), ['.env', 'node_modules/x/index.js', 'package-lock.lock', 'test/auth.test.js']);
  rmSync(join(dir, '.litecodeignore'));
  assert.equal([...(await findIgnoredPaths(repository, ['test/auth.test.js', '.env']))], ['.env']);
});

test('tracked files and file contents at a commit, including symlinks and odd names', async () => {
  const { dir } = await fixture();
  symlinkSync('src/api.js', join(dir, 'link.js'));
  writeFileSync(join(dir, 'odd *name?.txt'), 'odd\n');
  git(dir, env, ['add', '-A']);
  git(dir, env, ['commit', '-qm', 'more']);
  const repository = await openRepository(dir, env);
  const files = await listTrackedFiles(repository, 'HEAD');
  assert.equal(files.map((file) => file.path), ['.gitignore', 'README.md', 'link.js', 'odd *name?.txt', 'package.json', 'src/api.js', 'src/auth.js', 'src/utils.js', 'test/auth.test.js']);
  assert.is(files.find((file) => file.path === 'link.js')!.kind, 'symlink');
  assert.is(files.find((file) => file.path === 'src/api.js')!.kind, 'file');
  const odd = await readFileAtCommit(repository, 'HEAD', 'odd *name?.txt');
  assert.is(odd?.content.toString(), 'odd\n');
  assert.is(await readFileAtCommit(repository, 'HEAD', 'odd *'), undefined, 'names are never patterns');
  assert.is(await readFileAtCommit(repository, 'HEAD', 'src'), undefined, 'a directory is not a file');
  assert.is(await readFileAtCommit(repository, 'HEAD~1', 'link.js'), undefined);
});

test('detached HEAD: base, commit and user state all work', async () => {
  const { dir } = await fixture();
  git(dir, env, ['checkout', '-q', '--detach', 'HEAD']);
  const repository = await openRepository(dir, env);
  const before = snapshotUserState(dir, env);
  const base = await resolveBase(repository, { snapshot: false });
  const { commit } = await commitChanges(repository, {
    parent: base.commit,
    changes: [{ kind: 'write', path: 'src/api.js', content: Buffer.from('detached\n') }],
    message: 'x\n\nLitecode-Kind: edit\nLitecode-Request: x\n',
    branch: 'litecode/detached',
    expectedOldValue: null,
  });
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.is(git(dir, env, ['rev-parse', 'litecode/detached']), commit);
});

test('shallow clone and sparse checkout: commits land, the user state is untouched', async () => {
  const source = await buildFixtureRepo('js-app', { env, commits: [{ message: 'second', files: { 'src/utils.js': 'export {};\n' } }] });
  fixtures.push(source);
  const clone = join(tmpdir(), `litecode-shallow-${process.pid}`);
  fixtures.push({ dir: clone, env, cleanup: () => rmSync(clone, { recursive: true, force: true }) });
  git(tmpdir(), env, ['clone', '-q', '--depth=1', `file://${source.dir}`, clone]);
  git(clone, env, ['sparse-checkout', 'set', 'src']);
  assert.ok(existsSync(join(clone, '.git/shallow')));
  assert.not.ok(existsSync(join(clone, 'test/auth.test.js')), 'sparse: test/ not checked out');
  const repository = await openRepository(clone, env);
  const before = snapshotUserState(clone, env);
  const { commit } = await commitChanges(repository, {
    parent: git(clone, env, ['rev-parse', 'HEAD']),
    changes: [{ kind: 'write', path: 'test/auth.test.js', content: Buffer.from('outside the sparse cone\n') }],
    message: 'x\n\nLitecode-Kind: edit\nLitecode-Request: x\n',
    branch: 'litecode/sparse',
    expectedOldValue: null,
  });
  assert.equal(await listUncommittedPaths(repository), new Set());
  assertUserStateUnchanged(before, snapshotUserState(clone, env));
  assert.is(git(clone, env, ['cat-file', '-p', `${commit}:test/auth.test.js`]), 'outside the sparse cone');
  assert.is(git(clone, env, ['fsck', '--full', '--no-dangling']), '');
});

test('core.autocrlf=true: CRLF working files are clean, blobs stay LF, the user state is untouched', async () => {
  const { dir } = await fixture();
  git(dir, env, ['config', 'core.autocrlf', 'true']);
  rmSync(join(dir, 'src/api.js'));
  git(dir, env, ['checkout', '--', 'src/api.js']);
  assert.match(readFileSync(join(dir, 'src/api.js'), 'utf8'), /\r\n/, 'checked out with CRLF');
  const repository = await openRepository(dir, env);
  assert.equal(await listUncommittedPaths(repository), new Set());
  const before = snapshotUserState(dir, env);
  const blob = await readFileAtCommit(repository, 'HEAD', 'src/api.js');
  assert.not.match(blob!.content.toString(), /\r/, 'the repository form has LF');
  const { commit } = await commitChanges(repository, {
    parent: 'HEAD',
    changes: [{ kind: 'write', path: 'src/api.js', content: Buffer.concat([blob!.content, Buffer.from('// more\n')]) }],
    message: 'x\n\nLitecode-Kind: edit\nLitecode-Request: x\n',
    branch: 'litecode/autocrlf',
    expectedOldValue: null,
  });
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assert.is(git(dir, env, ['diff', '--numstat', 'HEAD', commit]), '1\t0\tsrc/api.js', 'one line added, no eol churn');
});

test('a materialized tree has every file, lives outside the repo, is not a worktree, and is removed afterwards', async () => {
  const { dir } = await fixture('crlf');
  const repository = await openRepository(dir, env);
  const before = snapshotUserState(dir, env);
  let seen = '';
  const result = await withMaterializedTree(repository, 'HEAD', async (tree) => {
    seen = tree;
    assert.not.ok(tree.startsWith(dir));
    assert.is(readFileSync(join(tree, 'notes.txt'), 'utf8'), 'First line of notes.\r\nSecond line of notes.\r\nThird line.\r\n', 'eol attributes applied');
    assert.ok(existsSync(join(tree, 'build.sh')));
    assert.is(git(dir, env, ['worktree', 'list']).split('\n').length, 1, 'not registered as a worktree');
    return 42;
  });
  assert.is(result, 42);
  assert.not.ok(existsSync(seen));
  try {
    await withMaterializedTree(repository, 'HEAD', async (tree) => {
      seen = tree;
      throw new Error('check failed');
    });
  } catch (error) {
    assert.match(String(error), /check failed/);
  }
  assert.not.ok(existsSync(seen), 'removed on failure too');
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
});

test('a materialized tree left by a killed process is pruned by the next run; a live one is kept', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const dead = join(tmpdir(), `litecode-check-test-dead-${process.pid}`);
  const live = join(tmpdir(), `litecode-check-test-live-${process.pid}`);
  for (const [path, pid] of [[dead, 2 ** 22 + 17], [live, process.pid]] as const) {
    mkdirSync(join(path, 'tree'), { recursive: true });
    writeFileSync(join(path, 'owner.json'), JSON.stringify({ pid }));
  }
  const removed = await pruneScratchLeftovers(repository);
  assert.ok(removed.includes(dead));
  assert.not.ok(existsSync(dead));
  assert.ok(existsSync(live));
  rmSync(live, { recursive: true, force: true });
});

test('findScratchLeftovers lists this repository\'s dead leftovers and removes nothing', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const deadPid = 2 ** 22 + 17;
  const scratch = join(repository.commonDir, 'litecode', 'scratch', `${deadPid}-cafe`);
  const liveScratch = join(repository.commonDir, 'litecode', 'scratch', `${process.pid}-cafe`);
  const ours = join(tmpdir(), `litecode-check-test-ours-${process.pid}`);
  const theirs = join(tmpdir(), `litecode-check-test-theirs-${process.pid}`);
  const live = join(tmpdir(), `litecode-check-test-live-ours-${process.pid}`);
  for (const path of [scratch, liveScratch]) mkdirSync(path, { recursive: true });
  for (const [path, pid, commonDir] of [[ours, deadPid, repository.commonDir], [theirs, deadPid, '/elsewhere/.git'], [live, process.pid, repository.commonDir]] as const) {
    mkdirSync(join(path, 'tree'), { recursive: true });
    writeFileSync(join(path, 'owner.json'), JSON.stringify({ pid, commonDir }));
  }
  try {
    assert.equal(await findScratchLeftovers(repository), [scratch, ours]);
    for (const path of [scratch, liveScratch, ours, theirs, live]) assert.ok(existsSync(path), `${path} is still there`);
  } finally {
    for (const path of [scratch, liveScratch, ours, theirs, live]) rmSync(path, { recursive: true, force: true });
  }
});

test.run();
