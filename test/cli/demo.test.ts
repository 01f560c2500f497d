import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';

test('git litecode demo replays a whole session in a throwaway repository, with no model installed', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'litecode-demo-cwd-'));
  const result = await runCli(['demo'], { cwd, env: hermeticEnv(), timeoutMs: 60_000 });
  try {
    assert.is(result.exitCode, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /REPLAY against a scripted model/);
    assert.match(result.stdout, /first reply refused by the elision check; the retry passed/);
    assert.match(result.stdout, /src\/utils\.js has 11 lines/);
    assert.match(result.stdout, /follow-up stacked on/);
    assert.match(result.stdout, /first reply refused by the scope check; the retry passed/);
    assert.match(result.stdout, /Undid [0-9a-f]{7}/);
    assert.match(result.stdout, /git litecode apply/);
    assert.ok(result.durationMs < 60_000);
    assert.equal(readdirSync(cwd), [], 'nothing written where it was run');
  } finally {
    const repository = /Repository: (\S+)/.exec(result.stdout)?.[1];
    if (repository?.includes('litecode-demo-')) rmSync(repository, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
});

test.run();
