import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';

const env = hermeticEnv();
let fixture: FixtureRepo;
test.before(async () => {
  fixture = await buildFixtureRepo('js-app', { env });
});
test.after(() => fixture.cleanup());

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`a materialized check tree is removed on ${signal}, and the process still dies of it`, async () => {
    const script = fileURLToPath(new URL('./signal-during-check.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, fixture.dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const tree = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /^tree (.*)$/m.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('close', () => reject(new Error(`child ended early: ${stderr}`)));
    });
    assert.ok(existsSync(`${tree}/src/api.js`));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, received) => resolve(received)));
    child.kill(signal);
    assert.is(await ended, signal);
    assert.not.ok(existsSync(dirname(tree)), 'the whole litecode-check-* folder is gone');
  });
}

test.run();
