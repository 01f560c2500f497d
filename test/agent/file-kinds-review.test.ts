import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { agentScene, assertOneLineError, planReply, promptsFor } from './agent-scene.js';
import { fixtureCases, planFor, requestFor } from './file-kinds-e2e.js';

/**
 * Damage found by using the checks as a user would, through the real CLI: replies that parsed,
 * kept every key the task did not name, and still were not the file (or not the whole file).
 */

const workflowCase = fixtureCases.find((candidate) => candidate.path === '.github/workflows/ci.yml')!;
const packageCase = fixtureCases.find((candidate) => candidate.path === 'package.json')!;

test('a workflow followed by an "Explanation:" line (valid YAML: a new key) is retried with the failure, then refused', async () => {
  const reply = `${workflowCase.good[0]!.proposed}\nExplanation: I added a lint step that runs npm run lint after npm ci.\n`;
  const scene = await agentScene('kinds', [planReply(planFor(workflowCase)), { match: { purpose: 'edit' }, content: reply }, { match: { purpose: 'repair' }, content: reply }]);
  try {
    const result = await scene.litecode([requestFor(workflowCase)]);
    assertOneLineError(result, 1, /ci\.yml: the reply ends with a message to the user/);
    assert.match(result.stderr, /nothing was committed/);
    assert.equal(scene.agentBranches(), []);
    assert.match(promptsFor(scene.model, 'repair')[0]!, /ends with a message to the user: "Explanation: I added/);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('a workflow whose steps were replaced by "# etc." is refused', async () => {
  const reply = workflowCase.good[0]!.proposed.replace('      - run: npm test\n', '      # etc.\n');
  const scene = await agentScene('kinds', [planReply(planFor(workflowCase)), { match: { purpose: 'edit' }, content: reply }, { match: { purpose: 'repair' }, content: reply }]);
  try {
    const result = await scene.litecode([requestFor(workflowCase)]);
    assertOneLineError(result, 1, /ci\.yml: the reply left out code and wrote "# etc\."/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('package.json with a key written twice is refused; the fixed retry lands byte-exactly', async () => {
  const good = packageCase.good[0]!.proposed;
  const twice = good.replace('"build": "tsc -p .",', '"build": "tsc -p .",\n    "test": "jest",');
  const scene = await agentScene('kinds', [planReply(planFor(packageCase)), { match: { purpose: 'edit' }, content: twice }, { match: { purpose: 'repair' }, content: good }]);
  try {
    const result = await scene.litecode([requestFor(packageCase)]);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(promptsFor(scene.model, 'repair')[0]!, /the key "test" appears twice/);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'package.json'), good);
  } finally {
    await scene.close();
  }
});

test('a package.json that starts with a byte-order mark takes a version bump without one and keeps its mark and CRLF', async () => {
  const original = '\uFEFF{\r\n  "name": "bom-app",\r\n  "version": "1.0.0"\r\n}\r\n';
  const plan = { kind: 'edit', synthesis: 'Bumped the version to 1.1.0.', tasks: [{ file: 'config/bom.json', action: 'modify', symbols: ['version'], instruction: 'Bump the version to 1.1.0.' }] };
  const scene = await agentScene('kinds', [planReply(plan), { match: { purpose: 'edit' }, content: '```json\n{\n  "name": "bom-app",\n  "version": "1.1.0"\n}\n```\n' }], {
    commits: [{ message: 'a BOM file', files: { 'config/bom.json': original } }],
  });
  try {
    const result = await scene.litecode(['bump the version in config/bom.json to 1.1.0']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(promptsFor(scene.model, 'repair').length, 0, 'no retry was needed');
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'config/bom.json'), original.replace('1.0.0', '1.1.0'));
  } finally {
    await scene.close();
  }
});

test.run();
