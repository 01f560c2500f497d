import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureRepo, type FixtureName } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { git } from './agent-commit-helpers.js';

const env = hermeticEnv();
const names: FixtureName[] = ['js-app', 'ts-lib', 'py-tool', 'crlf'];

test('every fixture builds clean, fsck-clean and deterministic (same commit ids every time)', async () => {
  for (const name of names) {
    const [first, second] = [await buildFixtureRepo(name, { env }), await buildFixtureRepo(name, { env })];
    try {
      assert.is(git(first.dir, env, ['status', '--porcelain']), '', name);
      assert.is(git(first.dir, env, ['fsck', '--full', '--strict']), '', name);
      assert.is(git(first.dir, env, ['rev-parse', 'HEAD']), git(second.dir, env, ['rev-parse', 'HEAD']), name);
      assert.is(git(first.dir, env, ['log', '-1', '--format=%an %ad', '--date=iso-strict']), 'Fixture Author 2024-01-01T09:00:00+00:00');
      assert.is(git(first.dir, env, ['branch', '--show-current']), 'main');
    } finally {
      first.cleanup();
      second.cleanup();
    }
  }
});

test('js-app has what the agent tests rely on, .env ignored and untracked', async () => {
  const repo = await buildFixtureRepo('js-app', { env });
  try {
    assert.match(readFileSync(join(repo.dir, 'src/api.js'), 'utf8'), /export async function fetchUser/);
    assert.match(readFileSync(join(repo.dir, 'src/auth.js'), 'utf8'), /export function validateToken[\s\S]*export function validateUser/);
    assert.ok(existsSync(join(repo.dir, '.env')));
    assert.is(git(repo.dir, env, ['status', '--porcelain', '--ignored']), '!! .env');
    assert.is(git(repo.dir, env, ['ls-files']).split('\n').length, 7);
  } finally {
    repo.cleanup();
  }
});

test('ts-lib has a file over 400 lines; crlf keeps CRLF where the attributes say; extra commits and sha256 work', async () => {
  const tsLib = await buildFixtureRepo('ts-lib', { env });
  const crlf = await buildFixtureRepo('crlf', { env, objectFormat: 'sha256', commits: [{ message: 'second', files: { 'notes.txt': 'one\r\ntwo\r\n', 'build.sh': null } }] });
  try {
    assert.ok(readFileSync(join(tsLib.dir, 'src/inventory.ts'), 'utf8').split('\n').length > 400);
    assert.match(git(crlf.dir, env, ['rev-parse', 'HEAD']), /^[0-9a-f]{64}$/);
    assert.is(git(crlf.dir, env, ['log', '--format=%s']), 'second\nInitial crlf');
    assert.is(readFileSync(join(crlf.dir, 'notes.txt'), 'utf8'), 'one\r\ntwo\r\n');
    assert.is(git(crlf.dir, env, ['cat-file', '-p', 'HEAD:notes.txt']), 'one\ntwo', 'normalised to LF in the repository');
    assert.is(readFileSync(join(crlf.dir, 'settings.ini'), 'utf8'), '[section]\r\nkey=value\r\nother=1\r\n');
    assert.not.ok(existsSync(join(crlf.dir, 'build.sh')));
    assert.is(git(crlf.dir, env, ['status', '--porcelain']), '');
  } finally {
    tsLib.cleanup();
    crlf.cleanup();
  }
});

test.run();
