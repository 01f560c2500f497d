import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureCommit } from '../support/fixture-repos.js';
import type { ScriptedReply } from '../support/fake-model.js';
import { agentScene, assertOneLineError, planReply, promptsFor, type AgentScene } from './agent-scene.js';

/*
 * Issue 8, end to end through the real CLI and the scripted model: every file kind, grammar or
 * not, goes through the language-free checks; a damaged reply is retried once with the failure
 * fed back, then refused with nothing committed.
 */

const fixture = (path: string) => readFileSync(new URL(`../../fixtures-repos/${path}`, import.meta.url), 'utf8');
const readme = fixture('js-app/README.md');
const utils = fixture('js-app/src/utils.js');
const api = fixture('js-app/src/api.js');
const lua = 'local M = {}\n\nfunction M.greet(name)\n  return "hello " .. name\nend\n\nfunction M.bye(name)\n  return "bye " .. name\nend\n\nreturn M\n';
const config = '[server]\nport = 8080\nhost = localhost\n\n[log]\nlevel = info\n';
const notes = 'Release checklist\n\n- bump the version\n- tag the commit\n- push the tag\n';
const workflow = 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n';
const dockerfile = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["node", "src/api.js"]\n';
const html = '<!doctype html>\n<html>\n  <head>\n    <title>js-app</title>\n  </head>\n  <body>\n    <h1>js-app</h1>\n  </body>\n</html>\n';
const extraFiles: FixtureCommit[] = [
  {
    message: 'Add files without a grammar',
    files: { 'scripts/init.lua': lua, 'app.cfg': config, 'notes.txt': notes, '.github/workflows/ci.yml': workflow, Dockerfile: dockerfile, 'public/index.html': html },
  },
];

async function expectRefused(scene: AgentScene, request: string, check: RegExp, feedback: RegExp): Promise<void> {
  const heads = scene.git(['for-each-ref']);
  const result = await scene.litecode([request]);
  assertOneLineError(result, 1, check);
  assert.match(result.stderr, /nothing was committed/);
  assert.equal(scene.agentBranches(), []);
  assert.is(scene.git(['for-each-ref']), heads, 'no ref changed');
  const repairs = promptsFor(scene.model, 'repair');
  assert.is(repairs.length, 1, 'exactly one retry');
  assert.match(repairs[0]!, feedback, 'the retry carries the failure');
  const scratch = join(scene.dir, '.git', 'litecode', 'scratch');
  assert.ok(!existsSync(scratch) || readdirSync(scratch).length === 0, 'no scratch leftovers');
  scene.assertFsckClean();
}

const modify = (file: string, instruction: string) => ({
  kind: 'edit',
  synthesis: `Changed ${file}.`,
  tasks: [{ file, action: 'modify', symbols: [], instruction }],
});

const twice = (content: string): ScriptedReply[] => [
  { match: { purpose: 'edit' }, content },
  { match: { purpose: 'repair' }, content },
];

const chatty: { file: string; request: string; reply: string }[] = [
  { file: 'scripts/init.lua', request: 'add a shout function to scripts/init.lua', reply: "I'm sorry, but I need to see the current contents of scripts/init.lua first. Could you please provide it?" },
  { file: 'app.cfg', request: 'set the port to 9090 in app.cfg', reply: 'Sure! Could you share your app.cfg so I can change the port?\n' },
  { file: 'notes.txt', request: 'add a changelog step to notes.txt', reply: 'I cannot help with that.\n' },
  // The issue's own examples.
  { file: 'package.json', request: 'add a lint script to package.json', reply: "I'm sorry, but I need to see the current contents of package.json first. Could you please provide it?" },
  { file: 'Dockerfile', request: 'add a HEALTHCHECK to the Dockerfile', reply: 'Sure! Could you share your Dockerfile so I can add a HEALTHCHECK?\n' },
  { file: 'public/index.html', request: 'add a footer to public/index.html', reply: 'I cannot help with that.\n' },
];

for (const { file, request, reply } of chatty) {
  test(`a chatty reply to ${file} (no grammar) is retried with the failure, then refused with nothing committed`, async () => {
    const scene = await agentScene('js-app', [planReply(modify(file, request)), ...twice(reply)], { commits: extraFiles });
    try {
      await expectRefused(scene, request, new RegExp(`${file.replace(/\./g, '\\.')} \\(talking: .*message to the user`), /message to the user/);
    } finally {
      await scene.close();
    }
  });
}

test('a good reply to a file without a grammar lands byte-exactly', async () => {
  const good = lua.replace('return M\n', 'function M.shout(name)\n  return string.upper(name)\nend\n\nreturn M\n');
  const scene = await agentScene('js-app', [planReply(modify('scripts/init.lua', 'Add M.shout.')), { match: { purpose: 'edit' }, content: good }], { commits: extraFiles });
  try {
    const result = await scene.litecode(['add a shout function to scripts/init.lua']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'scripts/init.lua'), good);
  } finally {
    await scene.close();
  }
});

test('a leaked SEARCH/REPLACE block in a workflow is refused', async () => {
  const leaked = `${workflow}<<<<<<< SEARCH\n      - run: npm ci\n=======\n      - run: npm ci\n      - run: npm test\n>>>>>>> REPLACE\n`;
  const request = 'add a test step to .github/workflows/ci.yml';
  const scene = await agentScene('js-app', [planReply(modify('.github/workflows/ci.yml', 'Add an npm test step.')), ...twice(leaked)], { commits: extraFiles });
  try {
    await expectRefused(scene, request, /edit-format: .*SEARCH\/REPLACE block/, /Do not send a diff, conflict markers or SEARCH\/REPLACE blocks/);
  } finally {
    await scene.close();
  }
});

test('an elided README ("... (rest of the README unchanged)") is refused', async () => {
  const elided = `${readme.split('\n').slice(0, 3).join('\n')}\n\nRetries: fetchUser retries 3 times.\n\n... (rest of the README unchanged)\n`;
  const scene = await agentScene('js-app', [planReply(modify('README.md', 'Document that fetchUser retries.')), ...twice(elided)]);
  try {
    await expectRefused(scene, 'document the retry in README.md', /elision: .*rest of the README unchanged/, /stands in for code you left out/);
  } finally {
    await scene.close();
  }
});

test('a README shrunk to one sentence is refused', async () => {
  const scene = await agentScene('js-app', [planReply(modify('README.md', 'Document that fetchUser retries.')), ...twice('js-app is a tiny API client whose fetchUser retries three times.\n')]);
  try {
    await expectRefused(scene, 'document the retry in README.md', /shrinkage: .*dropped \d+ of \d+ lines/, /keeping every line you do not need to change/);
  } finally {
    await scene.close();
  }
});

test('a create whose reply copies another existing file is refused as the wrong file, by name', async () => {
  const plan = { kind: 'edit', synthesis: 'Created src/retry.js with withRetry.', tasks: [{ file: 'src/retry.js', action: 'create', symbols: [], instruction: 'Export withRetry(fn, attempts) that retries fn.' }] };
  const scene = await agentScene('js-app', [planReply(plan), ...twice(utils)]);
  try {
    await expectRefused(scene, 'create src/retry.js with a withRetry helper', /wrong-file: .*a copy of src\/utils\.js, the wrong file/, /is the content of src\/utils\.js, a different file/);
  } finally {
    await scene.close();
  }
});

test('a created code file that does not define the symbol the plan names is refused; the prompt and the retry name it', async () => {
  const plan = { kind: 'edit', synthesis: 'Created src/retry.js with withRetry.', tasks: [{ file: 'src/retry.js', action: 'create', symbols: ['withRetry'], instruction: 'Export a helper that retries fn.' }] };
  const reply = 'export async function retry(fn, attempts = 3) {\n  for (let attempt = 1; ; attempt += 1) {\n    try {\n      return await fn();\n    } catch (error) {\n      if (attempt >= attempts) throw error;\n    }\n  }\n}\n';
  const scene = await agentScene('js-app', [planReply(plan), ...twice(reply)]);
  try {
    await expectRefused(scene, 'create src/retry.js with a withRetry helper', /defines: .*does not define withRetry/, /does not define withRetry/);
    assert.match(promptsFor(scene.model, 'edit')[0]!, /The new file must define: withRetry/);
  } finally {
    await scene.close();
  }
});

test('a modify whose reply is another file is reported as the wrong file by name, not as changed symbols', async () => {
  const scene = await agentScene('js-app', [planReply({ ...modify('src/api.js', 'Retry fetchUser.'), tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry fetchUser.' }] }), ...twice(utils)]);
  try {
    await expectRefused(scene, 'add retry to fetchUser in src/api.js', /wrong-file: .*src\/utils\.js/, /src\/utils\.js, a different file/);
  } finally {
    await scene.close();
  }
});

test('an edit that calls a helper defined nowhere and imported from nowhere is refused', async () => {
  const calling = api.replace('const response = await fetch(buildUrl(BASE_URL, `/users/${id}`));', 'const response = await withRetry(() => fetch(buildUrl(BASE_URL, `/users/${id}`)));');
  const plan = { kind: 'edit', synthesis: 'Retried fetchUser.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Wrap the fetch in withRetry.' }] };
  const scene = await agentScene('js-app', [planReply(plan), ...twice(calling)]);
  try {
    await expectRefused(scene, 'add retry to fetchUser in src/api.js', /references: .*uses withRetry, which is not defined in src\/api\.js, imported, or built in/, /neither defines nor imports it/);
  } finally {
    await scene.close();
  }
});

test('all or nothing: once one file has failed its retry, the other files are not sent to the model', async () => {
  const plan = {
    kind: 'edit',
    synthesis: 'Changed three files.',
    tasks: [
      { file: 'scripts/init.lua', action: 'modify', symbols: [], instruction: 'Add M.shout.' },
      { file: 'app.cfg', action: 'modify', symbols: [], instruction: 'Set the port to 9090.' },
      { file: 'notes.txt', action: 'modify', symbols: [], instruction: 'Add a changelog step.' },
    ],
  };
  const scene = await agentScene(
    'js-app',
    [
      planReply(plan),
      { match: { purpose: 'edit', userContains: 'scripts/init.lua' }, content: 'Sure! Here you go.\n' },
      { match: { purpose: 'repair', userContains: 'scripts/init.lua' }, content: 'Sure! Here you go.\n' },
      { match: { purpose: 'edit', userContains: 'app.cfg' }, content: config.replace('8080', '9090') },
      { match: { purpose: 'edit', userContains: 'notes.txt' }, content: `${notes}- update the changelog\n` },
    ],
    { commits: extraFiles },
  );
  try {
    const result = await scene.litecode(['set up scripts/init.lua, app.cfg and notes.txt']);
    assertOneLineError(result, 1, /scripts\/init\.lua \(talking: .*2 other files were not attempted/);
    assert.equal(scene.agentBranches(), []);
    const purposes = scene.model.chatRequests().map((request) => request.purpose);
    assert.equal(purposes, ['plan', 'edit', 'repair'], 'no call for app.cfg or notes.txt');
  } finally {
    await scene.close();
  }
});

test('--keep-partial still sends every file and lands the good ones', async () => {
  const plan = {
    kind: 'edit',
    synthesis: 'Changed two files.',
    tasks: [
      { file: 'scripts/init.lua', action: 'modify', symbols: [], instruction: 'Add M.shout.' },
      { file: 'app.cfg', action: 'modify', symbols: [], instruction: 'Set the port to 9090.' },
    ],
  };
  const scene = await agentScene(
    'js-app',
    [
      planReply(plan),
      { match: { purpose: 'edit', userContains: 'scripts/init.lua' }, content: 'Sure! Here you go.\n' },
      { match: { purpose: 'repair', userContains: 'scripts/init.lua' }, content: 'Sure! Here you go.\n' },
      { match: { purpose: 'edit', userContains: 'app.cfg' }, content: config.replace('8080', '9090') },
    ],
    { commits: extraFiles },
  );
  try {
    const result = await scene.litecode(['set up scripts/init.lua and app.cfg', '--keep-partial']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(scene.fileAt(scene.agentBranches()[0]!, 'app.cfg'), config.replace('8080', '9090'));
  } finally {
    await scene.close();
  }
});

test('a question whose answer is cut off is retried once asking for a shorter answer', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/api.js', action: 'read', symbols: ['fetchUser'], instruction: 'Explain fetchUser.' }] }),
    { match: { purpose: 'answer' }, content: 'fetchUser builds the URL, then it fetches', failure: 'done-length' },
    { match: { purpose: 'answer' }, content: 'fetchUser fetches /users/{id} and parses the JSON body.' },
  ]);
  try {
    const result = await scene.litecode(['what does fetchUser do?']);
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(result.stdout.trim(), 'fetchUser fetches /users/{id} and parses the JSON body.');
    const answers = promptsFor(scene.model, 'answer');
    assert.is(answers.length, 2);
    assert.match(answers[1]!, /cut off at the \d+-token output limit\. Answer again much more briefly/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a question answer cut off twice is refused with advice for questions, not edits', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/api.js', action: 'read', symbols: ['fetchUser'], instruction: 'Explain fetchUser.' }] }),
    { match: { purpose: 'answer' }, content: 'fetchUser builds', failure: 'done-length' },
    { match: { purpose: 'answer' }, content: 'fetchUser builds', failure: 'done-length' },
  ]);
  try {
    const result = await scene.litecode(['what does fetchUser do?']);
    assertOneLineError(result, 1, /answer was cut off .* twice/);
    assert.match(result.stderr, /ask a narrower question/);
    assert.not.match(result.stderr, /smaller change/);
  } finally {
    await scene.close();
  }
});

const inventory = fixture('ts-lib/src/inventory.ts');
const method7 = inventory.slice(inventory.indexOf('  adjustCategory7('), inventory.indexOf('  /** Rule 8'));
const method7Calling = method7.replace('item.quantity = Math.max(0, item.quantity + delta * 7);', 'item.quantity = clampQuantity(item.quantity + delta * 7);').trimEnd();

test('symbol mode: a helper in another file used from a symbol of a file too large to send is refused, not landed without its import', async () => {
  const plan = {
    kind: 'edit',
    synthesis: 'Added clampQuantity to src/math.ts and used it in adjustCategory7.',
    tasks: [
      { file: 'src/math.ts', action: 'modify', symbols: [], instruction: 'Add and export clampQuantity(value) that clamps to 0..1000.' },
      { file: 'src/inventory.ts', action: 'modify', symbols: ['adjustCategory7'], instruction: 'Use clampQuantity in adjustCategory7.' },
    ],
  };
  const math = fixture('ts-lib/src/math.ts');
  const scene = await agentScene('ts-lib', [
    planReply(plan),
    { match: { purpose: 'edit', userContains: 'src/math.ts' }, content: `${math}\nexport function clampQuantity(value: number): number {\n  return clamp(value, 0, 1000);\n}\n` },
    { match: { purpose: 'edit', userContains: 'adjustCategory7' }, content: method7Calling },
    { match: { purpose: 'repair', userContains: 'adjustCategory7' }, content: method7Calling },
  ]);
  try {
    const result = await scene.litecode(['add clampQuantity to src/math.ts and use it in adjustCategory7 in src/inventory.ts', '--context', '2048']);
    assertOneLineError(result, 1, /src\/inventory\.ts \(budget: .*clampQuantity from another file of the plan, which needs an import/);
    assert.equal(scene.agentBranches(), []);
    const sent = promptsFor(scene.model, 'edit').filter((prompt) => prompt.includes('Current source of adjustCategory7'));
    assert.is(sent.length, 0, 'the symbol is never sent: the refusal comes first');
  } finally {
    await scene.close();
  }
});

test('symbol mode: "add a helper and use it" in one symbol task is refused before any edit call', async () => {
  const plan = {
    kind: 'edit',
    synthesis: 'Added a clamp helper used by adjustCategory7.',
    tasks: [{ file: 'src/inventory.ts', action: 'modify', symbols: ['adjustCategory7'], instruction: 'Add a helper clampQuantity and use it in adjustCategory7.' }],
  };
  const scene = await agentScene('ts-lib', [planReply(plan), { match: { purpose: 'edit' }, content: method7Calling }, { match: { purpose: 'repair' }, content: method7Calling }]);
  try {
    const result = await scene.litecode(['add a clampQuantity helper and use it in adjustCategory7', '--context', '2048']);
    assertOneLineError(result, 1, /src\/inventory\.ts .*add a helper.*request of its own/i);
    assert.is(promptsFor(scene.model, 'edit').length, 0);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test.run();
