import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tmpdir } from 'node:os';
import { hermeticEnv } from '../support/hermetic-env.js';
import { spawn } from 'node:child_process';
import { binPath, runCli } from '../support/run-cli.js';

const env = hermeticEnv();

test('-h prints usage and exits 0', async () => {
  const result = await runCli(['-h'], { cwd: tmpdir(), env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.match(result.stdout, /git litecode "<request>"/);
});

test('--version prints the package version', async () => {
  const result = await runCli(['--version'], { cwd: tmpdir(), env });
  assert.is(result.exitCode, 0);
  assert.match(result.stdout, /^git-litecode \d+\.\d+\.\d+\n$/);
});

test('an unknown option is a usage error with exit 2 and one line', async () => {
  const result = await runCli(['--no-such-option'], { cwd: tmpdir(), env });
  assert.is(result.exitCode, 2);
  assert.is(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^error: /);
});

test('a reader that goes away (| head) ends the command quietly, as with git', async () => {
  const child = spawn(process.execPath, [binPath, 'config'], { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.destroy();
  const exitCode = await new Promise((resolve) => child.on('close', resolve));
  assert.is(stderr, '');
  assert.is(exitCode, 0);
});

test.run();
