import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { agentScene, planReply, promptsFor } from './agent-scene.js';
import { assertFixtureMatchesCorpus, fixtureCases, planFor, requestFor } from './file-kinds-e2e.js';

test('the kinds fixture holds the corpus originals', () => {
  assertFixtureMatchesCorpus();
});

for (const kindCase of fixtureCases) {
  const [good] = kindCase.good;
  if (!good) continue;
  test(`${kindCase.kind}: a good reply to ${kindCase.path} lands byte-exactly (${good.name})`, async () => {
    const scene = await agentScene('kinds', [planReply(planFor(kindCase)), { match: { purpose: 'edit' }, content: good.proposed }]);
    try {
      const head = scene.git(['rev-parse', 'HEAD']).trim();
      const result = await scene.litecode([requestFor(kindCase)]);
      assert.is(result.exitCode, 0, result.stderr);
      const branches = scene.agentBranches();
      assert.is(branches.length, 1);
      assert.is(scene.fileAt(branches[0]!, kindCase.path), good.proposed);
      assert.equal(scene.git(['diff', '--name-only', head, branches[0]!]).trim().split('\n'), [kindCase.path]);
      assert.is(promptsFor(scene.model, 'repair').length, 0, 'no retry was needed');
      scene.assertFsckClean();
    } finally {
      await scene.close();
    }
  });
}

test('the edit prompt says what a data file must keep', async () => {
  const kindCase = fixtureCases.find((candidate) => candidate.path === 'tsconfig.json')!;
  const scene = await agentScene('kinds', [planReply(planFor(kindCase)), { match: { purpose: 'edit' }, content: kindCase.good[0]!.proposed }]);
  try {
    const result = await scene.litecode([requestFor(kindCase)]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(promptsFor(scene.model, 'edit')[0]!, /keep every other key, value, comment and the key order/);
  } finally {
    await scene.close();
  }
});

test.run();
