import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRepoFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { runGitForTest } from '../support/run-cli.js';
import { pathWith, pathWithoutGitLitecode, standInGitLitecode } from './hook-fixture.js';

// The shipped hooks/pre-commit, exercised by real `git commit` calls with a stand-in git-litecode on PATH.
const shippedHook = fileURLToPath(new URL('../../hooks/pre-commit', import.meta.url));
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

const recording = standInGitLitecode('echo "$*" >> "$LITECODE_TEST_MARKER"\necho "suggestion: handle the error" >&2\nexit "${STAND_IN_EXIT:-0}"');
const sleeping = standInGitLitecode('exec sleep 30');
// A git-litecode that ignores TERM: only KILL stops it.
const stubborn = standInGitLitecode("trap '' TERM\nwhile :; do sleep 0.1; done");
cleanups.push(recording.remove, sleeping.remove, stubborn.remove);

async function fixture(standInDirectory: string | null = recording.directory): Promise<RepoFromFiles & { marker: string }> {
  const repository = await buildRepoFromFiles();
  cleanups.push(repository.cleanup);
  const hookPath = join(repository.dir, '.git', 'hooks', 'pre-commit');
  copyFileSync(shippedHook, hookPath);
  chmodSync(hookPath, 0o755);
  const marker = join(repository.dir, '.git', 'stand-in-calls');
  repository.env.PATH = standInDirectory ? pathWith(standInDirectory) : pathWithoutGitLitecode();
  repository.env.LITECODE_TEST_MARKER = marker;
  return Object.assign(repository, { marker });
}

async function stageAndCommit(repository: RepoFromFiles, extraEnv: Record<string, string> = {}, file = 'change.txt') {
  writeFileSync(join(repository.dir, file), `${file} ${Math.random()}\n`);
  await runGitForTest(['add', file], { cwd: repository.dir, env: repository.env });
  const started = Date.now();
  const result = await runGitForTest(['commit', '-q', '-m', `change ${file}`], { cwd: repository.dir, env: { ...repository.env, ...extraEnv } });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

function calls(marker: string): string {
  return existsSync(marker) ? readFileSync(marker, 'utf8') : '';
}

test('runs git-litecode suggest --staged --hook and lets the commit through', async () => {
  const repository = await fixture();
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(calls(repository.marker), 'suggest --staged --hook\n');
  assert.match(result.stderr, /suggestion: handle the error/);
});

test('a failing suggest never blocks, unless litecode.hook.block=true', async () => {
  const repository = await fixture();
  const failing = await stageAndCommit(repository, { STAND_IN_EXIT: '1' });
  assert.is(failing.exitCode, 0, failing.stderr);
  await repository.git(['config', 'litecode.hook.block', 'true']);
  const head = await repository.git(['rev-parse', 'HEAD']);
  const blocked = await stageAndCommit(repository, { STAND_IN_EXIT: '1' }, 'second.txt');
  assert.is(blocked.exitCode, 1);
  assert.is(await repository.git(['rev-parse', 'HEAD']), head);
});

test('silent and skipped when CI is set, with LITECODE_SKIP=1, and for an amend that only rewords', async () => {
  const repository = await fixture();
  for (const extraEnv of [{ CI: 'true' }, { LITECODE_SKIP: '1' }] as Record<string, string>[]) {
    const result = await stageAndCommit(repository, extraEnv);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stderr, '');
  }
  const amend = await runGitForTest(['commit', '-q', '--amend', '-m', 'reworded'], { cwd: repository.dir, env: repository.env });
  assert.is(amend.exitCode, 0, amend.stderr);
  assert.is(calls(repository.marker), '');
});

test('silent and skipped while finishing a merge', async () => {
  const repository = await fixture();
  await repository.git(['switch', '-q', '-c', 'side']);
  repository.write({ 'README.md': '# side\n' });
  await repository.git(['commit', '-q', '-am', 'side', '--no-verify']);
  await repository.git(['switch', '-q', 'main']);
  repository.write({ 'README.md': '# main\n' });
  await repository.git(['commit', '-q', '-am', 'main', '--no-verify']);
  assert.is((await runGitForTest(['merge', '-q', 'side'], { cwd: repository.dir, env: repository.env })).exitCode, 1, 'the merge conflicts');
  repository.write({ 'README.md': '# both\n' });
  await repository.git(['add', 'README.md']);
  const result = await runGitForTest(['commit', '-q', '--no-edit'], { cwd: repository.dir, env: repository.env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(result.stderr, '');
  assert.is(calls(repository.marker), '');
  assert.is((await repository.git(['rev-list', '--count', '--merges', 'HEAD'])).trim(), '1');
});

test('not on PATH: one line, and the commit succeeds', async () => {
  const repository = await fixture(null);
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /git-litecode: not on PATH/);
});

test('a suggest that hangs is killed at litecode.hook.timeout: one line, and the commit succeeds', async () => {
  const repository = await fixture(sleeping.directory);
  await repository.git(['config', 'litecode.hook.timeout', '1']);
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, /^git-litecode: no suggestions within 1s \(litecode\.hook\.timeout\); committing anyway\n$/, JSON.stringify(result.stderr));
  assert.ok(result.seconds < 15, `took ${result.seconds} s: killed at the limit, not after the stand-in's 30 s sleep`);
  assert.is((await repository.git(['log', '-1', '--format=%s'])).trim(), 'change change.txt');
});

test('LITECODE_HOOK_TIMEOUT wins over litecode.hook.timeout', async () => {
  const repository = await fixture(sleeping.directory);
  await repository.git(['config', 'litecode.hook.timeout', '30']);
  const result = await stageAndCommit(repository, { LITECODE_HOOK_TIMEOUT: '1' });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, /^git-litecode: no suggestions within 1s \(litecode\.hook\.timeout\); committing anyway\n$/, JSON.stringify(result.stderr));
  assert.ok(result.seconds < 15, `took ${result.seconds} s: the environment's 1 s, not the config's 30 s`);
});

test('LITECODE_HOOK_BLOCK wins over litecode.hook.block, either way', async () => {
  const repository = await fixture();
  const head = await repository.git(['rev-parse', 'HEAD']);
  const blocked = await stageAndCommit(repository, { STAND_IN_EXIT: '1', LITECODE_HOOK_BLOCK: 'true' });
  assert.is(blocked.exitCode, 1, 'the environment turns blocking on');
  assert.is(await repository.git(['rev-parse', 'HEAD']), head);
  await repository.git(['config', 'litecode.hook.block', 'true']);
  const allowed = await stageAndCommit(repository, { STAND_IN_EXIT: '1', LITECODE_HOOK_BLOCK: 'false' });
  assert.is(allowed.exitCode, 0, `the environment turns blocking off: ${allowed.stderr}`);
  assert.is.not(await repository.git(['rev-parse', 'HEAD']), head);
});

test('a quick suggest does not wait for the time limit', async () => {
  const repository = await fixture();
  await repository.git(['config', 'litecode.hook.timeout', '120']);
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.ok(result.seconds < 30, `took ${result.seconds} s: the 120 s limit was waited out`);
  rmSync(repository.marker, { force: true });
});

test('a git-litecode that ignores TERM is killed: the commit lands within the limit plus 1 s, with one line', async () => {
  const repository = await fixture(stubborn.directory);
  await repository.git(['config', 'litecode.hook.timeout', '2']);
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, /^git-litecode: no suggestions within 2s \(litecode\.hook\.timeout\); committing anyway\n$/, JSON.stringify(result.stderr));
  assert.ok(result.seconds < 3, `took ${result.seconds} s`);
  assert.is((await repository.git(['log', '-1', '--format=%s'])).trim(), 'change change.txt');
});

test("the limit counts from the hook's start: time spent in a chained hook counts too", async () => {
  const repository = await fixture(sleeping.directory);
  await repository.git(['config', 'litecode.hook.timeout', '3']);
  const chained = join(repository.dir, '.git', 'hooks', 'pre-commit.litecode-chained');
  writeFileSync(chained, '#!/bin/sh\nsleep 2\n', { mode: 0o755 });
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(result.stderr.match(/no suggestions within 3s/g)?.length, 1, JSON.stringify(result.stderr));
  assert.ok(result.seconds < 4, `took ${result.seconds} s`);
});

test('git-litecode learns the deadline from the hook (so its own start-up counts)', async () => {
  const reporting = standInGitLitecode('echo "$LITECODE_HOOK_DEADLINE_MS" >> "$LITECODE_TEST_MARKER"');
  cleanups.push(reporting.remove);
  const repository = await fixture(reporting.directory);
  await repository.git(['config', 'litecode.hook.timeout', '7']);
  const started = Date.now();
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 0, result.stderr);
  const deadline = Number(calls(repository.marker).trim());
  assert.ok(Math.abs(deadline - (started + 7000)) < 1500, `deadline ${deadline - started} ms after the commit started`);
});

test('a chained husky-style stub finds its work from its name: it runs under the name pre-commit', async () => {
  const repository = await fixture();
  const hooks = join(repository.dir, '.git', 'hooks');
  // husky 9's stub and dispatcher, in short: the dispatcher runs ../<name of the hook>.
  writeFileSync(join(hooks, 'h'), '#!/usr/bin/env sh\nn=$(basename "$0")\necho "dispatched $n" >> "$LITECODE_TEST_MARKER"\n[ "$n" = pre-commit ] && exit 1\nexit 0\n', { mode: 0o755 });
  writeFileSync(join(hooks, 'pre-commit.litecode-chained'), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"', { mode: 0o755 });
  const result = await stageAndCommit(repository);
  assert.is(result.exitCode, 1, 'the stub saw its own name and its hook blocked the commit');
  assert.is(calls(repository.marker), 'dispatched pre-commit\n');
});

test.run();
