import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { agentScene, apiWithRetry, assertOneLineError, planReply, promptsFor, retryPlan } from './agent-scene.js';
import type { ScriptedReply } from '../support/fake-model.js';

const request = 'add retry with backoff to fetchUser in src/api.js';
const elided = `${apiWithRetry.split('export async function fetchPosts')[0]}// ... rest of the file unchanged\n`;
const authTask = {
  kind: 'edit',
  synthesis: 'Made validateToken reject tokens over 200 characters in src/auth.js.',
  tasks: [{ file: 'src/auth.js', action: 'modify', symbols: ['validateToken'], instruction: 'Return false for tokens longer than 200 characters.' }],
};
const authOriginal = readFileSync(new URL('../../fixtures-repos/js-app/src/auth.js', import.meta.url), 'utf8');
const authWithLimit = authOriginal.replace("if (typeof token !== 'string') return false;", "if (typeof token !== 'string' || token.length > 200) return false;");
const collateralRename = authWithLimit.replaceAll('validateUser', 'verifyUser');

/** Each case: the model fails the same way twice; the run must end in a clean refusal naming the check. */
const refusedTwice: { name: string; plan: object; reply: ScriptedReply; check: RegExp }[] = [
  { name: 'elided output', plan: retryPlan, reply: { content: elided }, check: /elision/ },
  { name: 'truncated output (done_reason length)', plan: retryPlan, reply: { content: apiWithRetry.slice(0, 200), failure: 'done-length' }, check: /truncat/ },
  { name: 'an unclosed fence', plan: retryPlan, reply: { content: `\`\`\`js\n${apiWithRetry.slice(0, 300)}` }, check: /truncat/ },
  { name: 'the wrong file', plan: retryPlan, reply: { content: `export function buildUrl(base, path) {\n  return \`\${base.replace(/\\/$/, '')}\${path}\`;\n}\n\nexport function parseJson(text) {\n  return JSON.parse(text);\n}\n\nexport function sleep(milliseconds) {\n  return new Promise((resolve) => setTimeout(resolve, milliseconds));\n}\n` }, check: /wrong-file|scope/ },
  { name: "a collateral rename (the seed's validateUser case)", plan: authTask, reply: { content: collateralRename }, check: /scope.*validateUser|validateUser.*scope/ },
  { name: 'broken syntax', plan: retryPlan, reply: { content: apiWithRetry.replace('    await sleep(100 * 2 ** attempt);', '    await sleep(100 * 2 ** attempt);\n    let = ;') }, check: /syntax/ },
  { name: 'an unchanged file (no-op)', plan: authTask, reply: { content: authOriginal }, check: /no-op/ },
];

for (const failure of refusedTwice) {
  test(`${failure.name}: retried once, then refused with nothing committed`, async () => {
    const scene = await agentScene('js-app', [
      planReply(failure.plan),
      { match: { purpose: 'edit' }, ...failure.reply },
      { match: { purpose: 'repair' }, ...failure.reply },
    ]);
    try {
      const heads = scene.git(['for-each-ref']);
      const result = await scene.litecode([failure.plan === authTask ? 'make validateToken reject long tokens' : request]);
      assertOneLineError(result, 1, failure.check);
      assert.match(result.stderr, /nothing was committed/);
      assert.match(result.stderr, /transcript\.jsonl/);
      assert.equal(scene.agentBranches(), []);
      assert.is(scene.git(['for-each-ref']), heads, 'no ref changed');
      assert.is(promptsFor(scene.model, 'repair').length, 1, 'exactly one retry');
      const scratch = join(scene.dir, '.git', 'litecode', 'scratch');
      assert.ok(!existsSync(scratch) || readdirSync(scratch).length === 0, 'no scratch leftovers');
      scene.assertFsckClean();
    } finally {
      await scene.close();
    }
  });
}

test('the collateral rename is fed back precisely, and a correct retry lands', async () => {
  const scene = await agentScene('js-app', [
    planReply(authTask),
    { match: { purpose: 'edit' }, content: collateralRename },
    { match: { purpose: 'repair' }, content: authWithLimit },
  ]);
  try {
    const result = await scene.litecode(['make validateToken reject long tokens']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(promptsFor(scene.model, 'repair')[0]!, /validateUser/);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'src/auth.js'), authWithLimit);
  } finally {
    await scene.close();
  }
});

test('a plan in broken JSON is recovered (prose, trailing commas) and the edit lands', async () => {
  const damaged = `Sure, here is the plan:\n\`\`\`json\n${JSON.stringify(retryPlan, null, 2).replace(/\}\n\]/, '},\n]')}\n\`\`\`\nLet me know!`;
  const scene = await agentScene('js-app', [
    { match: { purpose: 'plan' }, content: damaged },
    { match: { purpose: 'plan' }, content: damaged },
    { match: { purpose: 'edit' }, content: apiWithRetry },
  ]);
  try {
    const result = await scene.litecode([request, '--verbose']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.match(result.stderr, /plan \(permissive\)/);
  } finally {
    await scene.close();
  }
});

test('a plan that cannot be parsed is a refusal that shows the raw reply', async () => {
  const prose = 'I think you should add a retry loop around the fetch call in fetchUser.';
  const scene = await agentScene('js-app', [
    { match: { purpose: 'plan' }, content: prose },
    { match: { purpose: 'plan' }, content: prose },
  ]);
  try {
    const result = await scene.litecode([request]);
    assertOneLineError(result, 1, /add a retry loop/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a plan naming a symbol that does not exist is refused before any edit call', async () => {
  const scene = await agentScene('js-app', [
    planReply({ ...retryPlan, tasks: [{ ...retryPlan.tasks[0], symbols: ['fetchUserById'] }] }),
  ]);
  try {
    const result = await scene.litecode([request]);
    assertOneLineError(result, 1, /fetchUserById/);
    assert.is(promptsFor(scene.model, 'edit').length, 0);
  } finally {
    await scene.close();
  }
});

test('a plan escaping the repository is refused', async () => {
  const scene = await agentScene('js-app', [
    planReply({ ...retryPlan, tasks: [{ ...retryPlan.tasks[0], file: '../outside.js', action: 'create' }] }),
  ]);
  try {
    const result = await scene.litecode([request]);
    assertOneLineError(result, 1, /outside\.js/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a rename is done in code across files: identifiers only, never comments or strings', async () => {
  const scene = await agentScene('js-app', [
    planReply({
      kind: 'edit',
      synthesis: 'Renamed validateToken to verifyToken.',
      tasks: [{ file: 'src/auth.js', action: 'rename', symbols: ['validateToken'], new_name: 'verifyToken', instruction: 'Rename validateToken to verifyToken.' }],
    }),
  ]);
  try {
    const result = await scene.litecode(['rename validateToken to verifyToken']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = scene.agentBranches();
    assert.equal(scene.git(['diff', '--name-only', 'main', branch!]).trim().split('\n').sort(), ['src/auth.js', 'test/auth.test.js']);
    const auth = scene.fileAt(branch!, 'src/auth.js');
    assert.match(auth, /export function verifyToken\(token\)/);
    assert.match(auth, /return verifyToken\(token\) && validateUser\(user\)/);
    assert.match(auth, /\/\/ validateToken is called by the middleware/, 'comments are not renamed');
    assert.match(scene.fileAt(branch!, 'test/auth.test.js'), /import \{ verifyToken, validateUser \}/);
    assert.is(promptsFor(scene.model, 'edit').length, 0, 'the model never performs a rename');
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

for (const [newName, reason] of [['delete', /breaks the syntax/], ['buildUrl', /already used in src\/api\.js/]] as const) {
  test(`a rename to ${newName} is refused before anything lands (${reason.source})`, async () => {
    const scene = await agentScene('js-app', [
      planReply({
        kind: 'edit',
        synthesis: `Renamed fetchUser to ${newName}.`,
        tasks: [{ file: 'src/api.js', action: 'rename', symbols: ['fetchUser'], new_name: newName, instruction: 'Rename it.' }],
      }),
    ]);
    try {
      const result = await scene.litecode([`rename fetchUser to ${newName}`]);
      assertOneLineError(result, 1, reason);
      assert.equal(scene.agentBranches(), []);
    } finally {
      await scene.close();
    }
  });
}

test('all or nothing: when one file of two fails, nothing lands; --keep-partial lands the good one and says what is missing', async () => {
  const twoFiles = {
    kind: 'edit',
    synthesis: 'Added retry to fetchUser and a length limit to validateToken.',
    tasks: [retryPlan.tasks[0], authTask.tasks[0]],
  };
  const script = () => [
    planReply(twoFiles),
    { match: { purpose: 'edit', userContains: 'src/api.js' }, content: apiWithRetry },
    { match: { purpose: 'edit', userContains: 'src/auth.js' }, content: collateralRename },
    { match: { purpose: 'repair', userContains: 'src/auth.js' }, content: collateralRename },
  ];
  const strict = await agentScene('js-app', script());
  try {
    const result = await strict.litecode(['add retry to fetchUser and limit validateToken']);
    assertOneLineError(result, 1, /src\/auth\.js/);
    assert.equal(strict.agentBranches(), []);
  } finally {
    await strict.close();
  }
  const partial = await agentScene('js-app', script());
  try {
    const result = await partial.litecode(['add retry to fetchUser and limit validateToken', '--keep-partial']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = partial.agentBranches();
    assert.equal(partial.git(['diff', '--name-only', 'main', branch!]).trim().split('\n'), ['src/api.js']);
    assert.match(partial.git(['log', '-1', '--format=%B', branch!]), /src\/auth\.js/);
  } finally {
    await partial.close();
  }
});

test.run();
