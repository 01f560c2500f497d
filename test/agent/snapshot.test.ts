import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { agentScene, apiWithRetry, planReply, promptsFor, retryPlan } from './agent-scene.js';

const original = readFileSync(new URL('../../fixtures-repos/js-app/src/api.js', import.meta.url), 'utf8');
const comment = '// an uncommitted comment\n';

test('--snapshot edits on top of uncommitted work without touching it, and apply lands only the agent diff', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: comment + apiWithRetry }]);
  try {
    writeFileSync(join(scene.dir, 'src/api.js'), comment + original);
    const head = scene.git(['rev-parse', 'HEAD']).trim();
    const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--snapshot']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(promptsFor(scene.model, 'edit')[0]!, /an uncommitted comment/, 'the model sees the uncommitted work');
    const [branch] = scene.agentBranches();
    assert.is(scene.fileAt(branch!, 'src/api.js'), comment + apiWithRetry);

    const applied = await runCli(['apply'], { cwd: scene.dir, env: scene.env });
    assert.is(applied.exitCode, 0, applied.stderr);
    assert.is(scene.git(['rev-parse', 'HEAD']).trim(), head, 'no snapshot commit lands in the user branch');
    assert.is(readFileSync(join(scene.dir, 'src/api.js'), 'utf8'), comment + apiWithRetry);
    assert.equal(scene.agentBranches(), []);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test.run();
