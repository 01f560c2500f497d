import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAgentCommitMessage } from '../../src/git/commit-message.js';
import { BranchMovedError, commitChanges, pruneScratchLeftovers } from '../../src/git/scratch-commit.js';
import { scratchRoot } from '../../src/git/scratch-directory.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { assertUserStateUnchanged, makeIndexStale, prepareUserState, snapshotUserState, userStates } from '../support/user-state.js';
import { git, openRepository } from './agent-commit-helpers.js';

const env = hermeticEnv();
const fixtures: FixtureRepo[] = [];
test.after(() => fixtures.forEach((fixture) => fixture.cleanup()));
async function fixture(name: Parameters<typeof buildFixtureRepo>[0] = 'js-app', options: Parameters<typeof buildFixtureRepo>[1] = {}) {
  const built = await buildFixtureRepo(name, { env, ...options });
  fixtures.push(built);
  return built;
}
const message = formatAgentCommitMessage({
  kind: 'edit',
  request: 'add retry',
  synthesis: 'Added retry.',
  provider: 'ollama',
  model: 'qwen2.5-coder:7b',
  files: [],
  checks: [],
});

function assertFsckClean(dir: string) {
  const fsck = spawnSync('git', ['fsck', '--full', '--strict', '--no-dangling'], { cwd: dir, env });
  assert.is(fsck.status, 0, fsck.stderr.toString());
}

test('commitChanges writes, adds, deletes and nests files; git agrees', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const before = snapshotUserState(dir, env);
  const { commit } = await commitChanges(repository, {
    parent: head,
    changes: [
      { kind: 'write', path: 'src/api.js', content: Buffer.from('export const x = 1;\n') },
      { kind: 'write', path: 'src/deep/new/module.js', content: Buffer.from('export {};\n') },
      { kind: 'write', path: 'run.sh', content: Buffer.from('#!/bin/sh\n'), executable: true },
      { kind: 'delete', path: 'test/auth.test.js' },
      { kind: 'write', path: 'bytes.bin', content: Buffer.from([0, 255, 13, 10, 0]) },
    ],
    message,
    branch: 'litecode/add-retry',
    expectedOldValue: null,
  });
  assertUserStateUnchanged(before, snapshotUserState(dir, env));
  assertFsckClean(dir);
  assert.is(git(dir, env, ['rev-parse', 'litecode/add-retry']), commit);
  assert.is(git(dir, env, ['rev-parse', `${commit}^`]), head);
  assert.is(git(dir, env, ['cat-file', '-p', `${commit}:src/api.js`]), 'export const x = 1;');
  assert.is(git(dir, env, ['cat-file', '-p', `${commit}:src/deep/new/module.js`]), 'export {};');
  assert.is(git(dir, env, ['cat-file', '-e', `${commit}:src/auth.js`]), '', 'untouched files stay');
  assert.match(git(dir, env, ['ls-tree', commit, 'run.sh']), /^100755 blob /);
  assert.is(spawnSync('git', ['cat-file', '-e', `${commit}:test/auth.test.js`], { cwd: dir, env }).status, 128, 'deleted');
  assert.is(spawnSync('git', ['cat-file', '-e', `${commit}:test`], { cwd: dir, env }).status, 128, 'an emptied directory disappears');
  const bytes = spawnSync('git', ['cat-file', 'blob', `${commit}:bytes.bin`], { cwd: dir, env }).stdout;
  assert.equal([...bytes], [0, 255, 13, 10, 0], 'bytes kept exactly');
  assert.is(git(dir, env, ['diff', '--name-status', head, commit]), 'A\tbytes.bin\nA\trun.sh\nM\tsrc/api.js\nA\tsrc/deep/new/module.js\nD\ttest/auth.test.js');
  assert.is(git(dir, env, ['log', '-1', '--format=%an <%ae>|%s', commit]), 'Test User <test@example.com>|Added retry.');
  const scratch = scratchRoot(repository);
  assert.ok(!existsSync(scratch) || readdirSync(scratch).length === 0, 'no scratch left behind');
});

test('compare-and-swap: an existing branch, or a moved one, is refused with a typed error', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const change = { kind: 'write' as const, path: 'a.txt', content: Buffer.from('a\n') };
  const { commit } = await commitChanges(repository, { parent: head, changes: [change], message, branch: 'litecode/cas', expectedOldValue: null });
  try {
    await commitChanges(repository, { parent: head, changes: [{ ...change, content: Buffer.from('b\n') }], message, branch: 'litecode/cas', expectedOldValue: null });
    assert.unreachable('must not overwrite an existing branch');
  } catch (error) {
    assert.instance(error, BranchMovedError);
  }
  try {
    await commitChanges(repository, { parent: commit, changes: [{ ...change, content: Buffer.from('c\n') }], message, branch: 'litecode/cas', expectedOldValue: head });
    assert.unreachable('must not move a branch that is not where we expect it');
  } catch (error) {
    assert.instance(error, BranchMovedError);
  }
  assert.is(git(dir, env, ['rev-parse', 'litecode/cas']), commit, 'the branch kept its commit');
  assert.not.ok(existsSync(join(dir, '.git/refs/heads/litecode/cas.lock')), 'no stale lock');
});

test('a change that changes nothing, or a path escaping the tree, is refused', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const same = Buffer.from(git(dir, env, ['cat-file', '-p', 'HEAD:src/utils.js']) + '\n');
  for (const path of ['../outside.js', '/abs.js', '.git/config', 'src//x.js', 'src/./x.js']) {
    try {
      await commitChanges(repository, { parent: head, changes: [{ kind: 'write', path, content: same }], message, branch: 'litecode/bad', expectedOldValue: null });
      assert.unreachable(path);
    } catch (error) {
      assert.match(String(error), /invalid path/);
    }
  }
  try {
    await commitChanges(repository, { parent: head, changes: [{ kind: 'write', path: 'src/utils.js', content: same }], message, branch: 'litecode/same', expectedOldValue: null });
    assert.unreachable();
  } catch (error) {
    assert.match(String(error), /exactly as it was/);
  }
  git(dir, env, ['update-index', '--add', '--cacheinfo', `120000,${git(dir, env, ['hash-object', '-w', '--stdin'], 'src/api.js')},link.js`]);
  git(dir, env, ['commit', '-qm', 'a symlink']);
  try {
    await commitChanges(repository, { parent: 'HEAD', changes: [{ kind: 'write', path: 'link.js', content: same }], message, branch: 'litecode/link', expectedOldValue: null });
    assert.unreachable('writing through a symlink');
  } catch (error) {
    assert.match(String(error), /link\.js is a symbolic link/);
  }
  assert.is(git(dir, env, ['branch', '--list', 'litecode/*']), '');
});

test('two commits at once on distinct branches both land', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, index) =>
      commitChanges(repository, {
        parent: head,
        changes: [{ kind: 'write', path: `src/file${index}.js`, content: Buffer.from(`export const n = ${index};\n`) }],
        message,
        branch: `litecode/parallel-${index}`,
        expectedOldValue: null,
      }),
    ),
  );
  results.forEach(({ commit }, index) => {
    assert.is(git(dir, env, ['rev-parse', `litecode/parallel-${index}`]), commit);
    assert.is(git(dir, env, ['cat-file', '-p', `${commit}:src/file${index}.js`]), `export const n = ${index};`);
  });
  assertFsckClean(dir);
});

test('a run killed between object writes and the ref update leaves fsck clean; the next run works and prunes leftovers', async () => {
  const { dir } = await fixture();
  const repository = await openRepository(dir, env);
  const script = fileURLToPath(new URL('./kill-before-ref-update.fixture.ts', import.meta.url));
  const killed = spawnSync(process.execPath, ['--import', 'tsx', script, dir], { env, encoding: 'utf8' });
  assert.is(killed.signal, 'SIGKILL', killed.stderr);
  assert.match(killed.stdout, /^objects written [0-9a-f]{40}$/m);
  const leftover = killed.stdout.match(/^scratch (.*)$/m)![1]!;
  assert.ok(existsSync(leftover), 'the killed run left its scratch directory');
  assert.is(git(dir, env, ['branch', '--list', 'litecode/*']), '', 'no branch was created');
  assertFsckClean(dir);
  assert.equal(await pruneScratchLeftovers(repository), [leftover]);
  assert.not.ok(existsSync(leftover));
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const { commit } = await commitChanges(repository, {
    parent: head,
    changes: [{ kind: 'write', path: 'src/api.js', content: Buffer.from('next run\n') }],
    message,
    branch: 'litecode/killed',
    expectedOldValue: null,
  });
  assert.is(git(dir, env, ['rev-parse', 'litecode/killed']), commit);
  assertFsckClean(dir);
});

test('SHA-256 repository: the zero id and object ids are 64 hex digits', async () => {
  const { dir } = await fixture('py-tool', { objectFormat: 'sha256' });
  const repository = await openRepository(dir, env);
  const head = git(dir, env, ['rev-parse', 'HEAD']);
  const { commit } = await commitChanges(repository, {
    parent: head,
    changes: [{ kind: 'write', path: 'tool/helpers.py', content: Buffer.from('def count_words(text):\n    return 0\n') }],
    message,
    branch: 'litecode/sha256',
    expectedOldValue: null,
  });
  assert.match(commit, /^[0-9a-f]{64}$/);
  assert.is(git(dir, env, ['rev-parse', 'litecode/sha256']), commit);
  assertFsckClean(dir);
});

for (const indexKind of ['index v4', 'split index'] as const) {
  test(`${indexKind}: the user's .git/index bytes are untouched in every user state`, async () => {
    for (const state of userStates) {
      const { dir } = await fixture();
      git(dir, env, indexKind === 'index v4' ? ['update-index', '--index-version', '4'] : ['update-index', '--split-index']);
      prepareUserState(dir, env, state);
      // Make the index stale (same content, new mtime) so any refresh would rewrite it.
      makeIndexStale(dir, 'src/auth.js');
      const repository = await openRepository(dir, env);
      const before = snapshotUserState(dir, env);
      await commitChanges(repository, {
        parent: git(dir, env, ['rev-parse', 'HEAD']),
        changes: [{ kind: 'write', path: 'src/api.js', content: Buffer.from(`// ${state}\n`) }],
        message,
        branch: 'litecode/index',
        expectedOldValue: null,
      });
      assertUserStateUnchanged(before, snapshotUserState(dir, env));
    }
  });
}

test('CRLF fixture: the blob keeps repository-form bytes; a checkout gives the eol attributes', async () => {
  const { dir } = await fixture('crlf');
  const repository = await openRepository(dir, env);
  const { commit } = await commitChanges(repository, {
    parent: git(dir, env, ['rev-parse', 'HEAD']),
    changes: [
      { kind: 'write', path: 'notes.txt', content: Buffer.from('First line.\nSecond line.\n') },
      { kind: 'write', path: 'settings.ini', content: Buffer.from('[section]\r\nkey=other\r\n') },
    ],
    message,
    branch: 'litecode/eol',
    expectedOldValue: null,
  });
  assert.is(spawnSync('git', ['cat-file', 'blob', `${commit}:notes.txt`], { cwd: dir, env }).stdout.toString(), 'First line.\nSecond line.\n');
  assert.is(spawnSync('git', ['cat-file', 'blob', `${commit}:settings.ini`], { cwd: dir, env }).stdout.toString(), '[section]\r\nkey=other\r\n');
  const clone = `${dir}-clone`;
  mkdirSync(clone);
  git(clone, env, ['clone', '-q', '--branch', 'litecode/eol', dir, '.']);
  fixtures.push({ dir: clone, env, cleanup: () => rmSync(clone, { recursive: true, force: true }) });
  assert.is(spawnSync('cat', ['notes.txt'], { cwd: clone }).stdout.toString(), 'First line.\r\nSecond line.\r\n');
  assert.is(git(clone, env, ['status', '--porcelain']), '');
});

test.run();
