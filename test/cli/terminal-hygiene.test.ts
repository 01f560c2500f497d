import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentScene, apiWithRetry, planReply, type AgentScene } from '../agent/agent-scene.js';
import type { CliResult } from '../support/run-cli.js';

// Anything a terminal acts on: ESC, BEL, the 8-bit CSI/OSC/ST, other C0/C1 controls but \n and \t, bidi overrides.
const terminalControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// What an ESC sequence leaves behind when only its ESC byte is dropped (JSON's "\u001b[2J" is harmless text).
const sequenceLeftover = /(?<!\\u001b)(?:\[2J|\]0;pwned|\[31m|\[0m)/;

const hostile = '\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b[31m\x9b2J\u202e';
const hostilePlan = {
  kind: 'edit',
  synthesis: `Added retry${hostile} to fetchUser in src/api.js.\x1b[0m`,
  tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: `Retry the request${hostile} up to 3 times.\x1b[0m` }],
};

function assertClean(label: string, text: string): void {
  const control = terminalControl.exec(text);
  assert.not.ok(control, `${label}: control character U+${control?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`);
  assert.not.match(text, sequenceLeftover, `${label}: the rest of an escape sequence`);
}

function assertCleanRun(label: string, result: CliResult, exitCode = 0): void {
  assert.is(result.exitCode, exitCode, `${label}: ${result.stderr}`);
  assertClean(`${label} stdout`, result.stdout);
  assertClean(`${label} stderr`, result.stderr);
}

async function hostileEditScene(): Promise<AgentScene> {
  return agentScene('js-app', [planReply(hostilePlan), { match: { purpose: 'edit' }, content: apiWithRetry }]);
}

test('escape sequences in a plan reach neither the terminal nor git log, nor log, show and --json', async () => {
  const scene = await hostileEditScene();
  try {
    const run = await scene.litecode(['add retry with backoff to fetchUser in src/api.js', '--verbose']);
    assertCleanRun('run', run);
    assert.match(run.stdout, /Added retry to fetchUser in src\/api\.js\./, 'the text itself survives');
    assert.match(run.stdout, /Retry the request up to 3 times\./);

    const [branch] = scene.agentBranches();
    assertClean('git log', scene.git(['log', '--format=%B', branch!]));
    assertClean('git log (default format)', scene.git(['log', '-1', branch!]));
    assertClean('git log --oneline', scene.git(['log', '--oneline', '-1', branch!]));
    assert.match(scene.git(['log', '-1', '--format=%s', branch!]), /^Added retry to fetchUser in src\/api\.js\./);

    for (const args of [['log'], ['show'], ['show', '--calls', '--verbose'], ['status'], ['log', '--color=always'], ['show', '--color=always']]) {
      const result = await scene.litecode(args);
      assert.is(result.exitCode, 0, result.stderr);
      // With colour on, only our own SGR sequences may remain.
      const withoutOurColour = result.stdout.replace(/\x1b\[(?:1|2|22|31|32|33|36|39|0)?m/g, '');
      assertClean(`${args.join(' ')} stdout`, args.some((arg) => arg.startsWith('--color')) ? withoutOurColour.replace(/\x1b\[[0-9;]*m/g, '') : result.stdout);
      assertClean(`${args.join(' ')} stderr`, result.stderr);
    }
    const json = await scene.litecode(['log', '--json']);
    assertCleanRun('log --json', json);
    const [entry] = JSON.parse(json.stdout) as { synthesis: string }[];
    assert.is(entry!.synthesis, 'Added retry to fetchUser in src/api.js.', 'the trailers hold the cleaned text too');
  } finally {
    await scene.close();
  }
});

test('the raw model text stays in the transcript', async () => {
  const scene = await hostileEditScene();
  try {
    assertCleanRun('run', await scene.litecode(['add retry with backoff to fetchUser in src/api.js']));
    const commonDir = scene.git(['rev-parse', '--path-format=absolute', '--git-common-dir']).trim();
    const transcript = readFileSync(join(commonDir, 'litecode', 'transcript.jsonl'), 'utf8');
    const replies = transcript.trim().split('\n').map((line) => (JSON.parse(line) as { reply: string | null }).reply ?? '');
    assert.ok(replies.some((reply) => reply.includes(JSON.stringify(hostilePlan.synthesis))), 'the raw plan reply is recorded');
  } finally {
    await scene.close();
  }
});

test('an answer keeps its lines but loses its escape sequences', async () => {
  const scene = await agentScene('js-app', [
    planReply({ kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count the lines.' }] }),
    { match: { purpose: 'answer' }, content: `src/utils.js has\x1b]0;pwned\x07 11 lines.\n\tThe\x1b[2J second line.` },
  ]);
  try {
    const result = await scene.litecode(['how many lines does src/utils.js have?']);
    assertCleanRun('question', result);
    assert.is(result.stdout, 'src/utils.js has 11 lines.\n\tThe second line.\n');
  } finally {
    await scene.close();
  }
});

test('suggestions lose their escape sequences', async () => {
  const message = `Remove the console.log${hostile} before committing.`;
  const scene = await agentScene('js-app', [{ match: { purpose: 'suggest' }, content: JSON.stringify({ suggestions: [{ line: 6, kind: 'debug-leftover', message }] }) }]);
  try {
    const api = scene.fileAt('HEAD', 'src/api.js').replace('export async function fetchUser(id) {\n', "export async function fetchUser(id) {\n  console.log('fetching', id);\n");
    writeFileSync(join(scene.dir, 'src/api.js'), api);
    scene.git(['add', 'src/api.js']);
    const result = await scene.litecode(['suggest', '--staged']);
    assertCleanRun('suggest', result);
    assert.match(result.stdout, /Remove the console\.log before committing\./);
  } finally {
    await scene.close();
  }
});

test('a planned path with a newline or an escape sequence is refused, and the error line stays clean', async () => {
  for (const file of ['src/api.js\nREADME.md', 'src/\x1b[2Japi.js']) {
    const scene = await agentScene('js-app', [
      planReply({ kind: 'edit', synthesis: 'Created a file.', tasks: [{ file, action: 'create', symbols: [], instruction: 'Create it.' }] }),
      { match: { purpose: 'edit' }, content: 'export const x = 1;\n' },
    ]);
    try {
      const result = await scene.litecode(['create the file']);
      assertCleanRun('run', result, 1);
      assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(scene.agentBranches(), [], 'nothing committed');
    } finally {
      await scene.close();
    }
  }
});

test('log and show clean a commit made by hand (or by an older version) that holds escape sequences', async () => {
  const scene = await agentScene('js-app', []);
  try {
    scene.git(['checkout', '-q', '-b', 'litecode/by-hand']);
    writeFileSync(join(scene.dir, 'README.md'), 'changed by hand\n');
    scene.git(['commit', '-q', '-a', '-m', `Subject${hostile} line\n\nLitecode-Kind: edit\nLitecode-Request: do it${hostile}\nLitecode-File: README.md summary${hostile}`]);
    scene.git(['checkout', '-q', 'main']);
    for (const args of [['log'], ['show', 'litecode/by-hand'], ['status']]) {
      const result = await scene.litecode(args);
      assertCleanRun(args.join(' '), result);
    }
  } finally {
    await scene.close();
  }
});

test.run();
