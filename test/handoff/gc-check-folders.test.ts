import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoriesFromFiles } from '../support/fixture-repos.js';
import { runCli } from '../support/run-cli.js';

// Check folders live in os.tmpdir(), shared by every run on the machine: give the CLI its own.
const repositories = repositoriesFromFiles();
const privateTmp = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-tmpdir-')));
test.after(() => {
  repositories.removeAll();
  rmSync(privateTmp, { recursive: true, force: true });
});

function checkFolder(name: string, options: { ageSeconds: number; owner?: string }): string {
  const path = join(privateTmp, `litecode-check-${name}`);
  mkdirSync(join(path, 'tree'), { recursive: true });
  if (options.owner !== undefined) writeFileSync(join(path, 'owner.json'), options.owner);
  const when = Date.now() / 1000 - options.ageSeconds;
  utimesSync(path, when, when);
  return path;
}

test('gc prunes a check folder a run killed before it wrote owner.json, once it is over a minute old', async () => {
  const repository = await repositories.build();
  const env = { ...repository.env, TMPDIR: privateTmp };
  const killedBeforeOwner = checkFolder('killed', { ageSeconds: 120 });
  const truncatedOwner = checkFolder('truncated', { ageSeconds: 120, owner: '{"pid": 12' });
  const justCreated = checkFolder('starting', { ageSeconds: 0 });
  const liveOwner = checkFolder('live', { ageSeconds: 600, owner: JSON.stringify({ pid: process.pid, commonDir: join(repository.dir, '.git') }) });

  const gc = await runCli(['gc'], { cwd: repository.dir, env });
  assert.is(gc.exitCode, 0, gc.stderr);
  assert.not.ok(existsSync(killedBeforeOwner), gc.stdout);
  assert.not.ok(existsSync(truncatedOwner), gc.stdout);
  assert.match(gc.stdout, /removed .*litecode-check-killed/);
  assert.ok(existsSync(justCreated), 'a run may be about to write its owner.json');
  assert.ok(existsSync(liveOwner), 'its owner is alive');
});

test.run();
