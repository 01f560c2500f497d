import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitStateError } from '../../src/errors/litecode-error.js';
import { discoverRepository } from '../../src/git/repository.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv, useEnv } from '../support/hermetic-env.js';
import { git } from './agent-commit-helpers.js';

const env = hermeticEnv();
useEnv(env);
const cleanups: (() => void)[] = [];
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-discovery-')));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
let fixture: FixtureRepo;

test.before(async () => {
  fixture = await buildFixtureRepo('js-app', { env });
  cleanups.push(fixture.cleanup);
});
test.after(() => cleanups.forEach((cleanup) => cleanup()));

async function expectGitStateError(cwd: string, pattern: RegExp) {
  try {
    await discoverRepository(cwd);
  } catch (error) {
    assert.instance(error, GitStateError);
    assert.match((error as GitStateError).toOneLine(), pattern);
    assert.not.match((error as GitStateError).toOneLine(), /\n/);
    return;
  }
  assert.unreachable(`discoverRepository(${cwd}) should have failed`);
}

test('finds the repository from a subdirectory', async () => {
  const repository = await discoverRepository(join(fixture.dir, 'src'));
  assert.is(repository.topLevel, fixture.dir);
  assert.is(repository.gitDir, join(fixture.dir, '.git'));
  assert.is(repository.commonDir, join(fixture.dir, '.git'));
  assert.is(repository.objectFormat, 'sha1');
});

test('tells a linked worktree apart from the common dir', async () => {
  const linked = join(scratch, 'linked');
  git(fixture.dir, env, ['worktree', 'add', '-q', '-b', 'side', linked]);
  const repository = await discoverRepository(join(linked, 'src'));
  assert.is(repository.topLevel, linked);
  assert.is(repository.gitDir, join(fixture.dir, '.git', 'worktrees', 'linked'));
  assert.is(repository.commonDir, join(fixture.dir, '.git'));
});

test('a directory outside git is refused with what to do', async () => {
  const outside = join(scratch, 'outside');
  mkdirSync(outside);
  await expectGitStateError(outside, /not a git repository.*git init/);
});

test('a bare repository is refused', async () => {
  const bare = join(scratch, 'bare.git');
  git(scratch, env, ['clone', '-q', '--bare', fixture.dir, bare]);
  await expectGitStateError(bare, /bare repository.*clone with a working tree/);
});

test('a repository without commits is refused', async () => {
  const empty = join(scratch, 'empty');
  git(scratch, env, ['init', '-q', empty]);
  await expectGitStateError(empty, /no commits yet.*first commit/);
});

test('a SHA-256 repository is recognised', async () => {
  const sha256 = await buildFixtureRepo('py-tool', { env, objectFormat: 'sha256' });
  cleanups.push(sha256.cleanup);
  const repository = await discoverRepository(sha256.dir);
  assert.is(repository.objectFormat, 'sha256');
});

test.run();
