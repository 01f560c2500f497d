import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { agentScene, assertOneLineError, planReply, promptsFor, retryPlan } from './agent-scene.js';

const commitsWithOddFiles = [
  {
    message: 'Add odd files',
    files: {
      'assets/logo.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]),
      'src/latin1.js': Buffer.from('// caf\xe9\nexport const name = "caf\xe9";\n', 'latin1'),
    },
  },
];

test('an empty request and one over 2,000 characters are usage errors that change nothing', async () => {
  const scene = await agentScene('js-app', []);
  try {
    assertOneLineError(await scene.litecode(['   ']), 2, /request/);
    assertOneLineError(await scene.litecode(['x'.repeat(2001) + ' y']), 2, /2,?000/);
    assert.is(scene.model.chatRequests().length, 0);
  } finally {
    await scene.close();
  }
});

test('an unknown one-word command is a usage error, not a request', async () => {
  const scene = await agentScene('js-app', []);
  try {
    assertOneLineError(await scene.litecode(['lgo']), 2, /unknown command 'lgo'/);
  } finally {
    await scene.close();
  }
});

test('a request naming a file that does not exist is refused before any model call', async () => {
  const scene = await agentScene('js-app', []);
  try {
    assertOneLineError(await scene.litecode(['fix the bug in src/missing.js']), 2, /src\/missing\.js/);
    assert.is(scene.model.chatRequests().length, 0);
  } finally {
    await scene.close();
  }
});

test('a file git ignores is never read or sent, even to Groq (canary in .env)', async () => {
  const scene = await agentScene('js-app', []);
  try {
    writeFileSync(join(scene.dir, '.env'), 'API_KEY=canary-secret-4242\n');
    const result = await scene.litecode(['what is in .env?'], { provider: 'groq' });
    assertOneLineError(result, 1, /\.env is ignored/);
    const everything = JSON.stringify(scene.model.requests);
    assert.not.match(everything, /canary-secret-4242/);
  } finally {
    await scene.close();
  }
});

test('a tracked file listed in .litecodeignore is never read into a prompt, even when the plan asks to', async () => {
  const scene = await agentScene(
    'js-app',
    [planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'config/secret.js', action: 'read', symbols: [], instruction: 'Read it.' }] })],
    { commits: [{ message: 'Add config', files: { 'config/secret.js': 'export const key = "CANARY-LCI-777";\n', '.litecodeignore': 'config/\n' } }] },
  );
  try {
    const result = await scene.litecode(['what does the secret config export?'], { provider: 'groq' });
    assertOneLineError(result, 1, /config\/secret\.js is ignored/);
    assert.not.match(JSON.stringify(scene.model.requests), /CANARY-LCI-777/);
  } finally {
    await scene.close();
  }
});

test('a binary target and a non-UTF-8 file are refused, never corrupted', async () => {
  for (const file of ['assets/logo.bin', 'src/latin1.js']) {
    const scene = await agentScene(
      'js-app',
      [planReply({ kind: 'edit', synthesis: `Changed ${file}.`, tasks: [{ file, action: 'modify', symbols: [], instruction: 'Change it.' }] })],
      { commits: commitsWithOddFiles },
    );
    try {
      const result = await scene.litecode([`update ${file}`]);
      assertOneLineError(result, 1, new RegExp(file.replace('.', '\\.')));
      assert.equal(scene.agentBranches(), []);
      assert.is(promptsFor(scene.model, 'edit').length, 0);
    } finally {
      await scene.close();
    }
  }
});

test('a symlink target is refused', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'edit', synthesis: 'Changed link.js.', tasks: [{ file: 'link.js', action: 'modify', symbols: [], instruction: 'Change it.' }] }),
  ]);
  try {
    symlinkSync('src/api.js', join(scene.dir, 'link.js'));
    scene.git(['add', 'link.js']);
    scene.git(['commit', '-q', '-m', 'add a link']);
    const result = await scene.litecode(['update link.js']);
    assertOneLineError(result, 1, /link\.js/);
  } finally {
    await scene.close();
  }
});

test('uncommitted edits to a target file stop the run, naming the file and the way out', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan)]);
  try {
    writeFileSync(join(scene.dir, 'src/api.js'), '// uncommitted comment\n');
    const result = await scene.litecode(['add retry to fetchUser in src/api.js']);
    assertOneLineError(result, 4, /src\/api\.js/);
    assert.match(result.stderr, /--snapshot/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('no user identity: exit 4 and one line, before any model call', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan)]);
  try {
    const result = await scene.litecode(['add retry to fetchUser in src/api.js'], { extraEnv: { GIT_CONFIG_GLOBAL: '/dev/null' } });
    assertOneLineError(result, 4, /user\.name|identity/);
    assert.is(scene.model.chatRequests().length, 0);
  } finally {
    await scene.close();
  }
});

test('Ollama not running: exit 3 and one line that says how to start it', async () => {
  const scene = await agentScene('js-app', []);
  try {
    const result = await scene.litecode(['add retry to fetchUser'], { extraEnv: { OLLAMA_HOST: 'http://127.0.0.1:9' } });
    assertOneLineError(result, 3, /ollama serve/);
    assert.is(result.stdout, '', 'stdout stays clean');
  } finally {
    await scene.close();
  }
});

test('a request in another language works or refuses cleanly, and gets a usable branch name', async () => {
  const scene = await agentScene('js-app', [
    planReply({ ...retryPlan, synthesis: '' }),
    { match: { purpose: 'edit' }, content: (await import('./agent-scene.js')).apiWithRetry },
  ]);
  try {
    const result = await scene.litecode(['给 fetchUser 添加重试']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = scene.agentBranches();
    assert.match(branch!, /^litecode\/[a-z0-9-]+$/);
    assert.match(scene.git(['log', '-1', '--format=%s', branch!]), /fetchUser/, 'a synthesis composed from the tasks');
  } finally {
    await scene.close();
  }
});

test.run();
