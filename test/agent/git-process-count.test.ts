import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userText } from '../../src/fake-model/scripted-reply.js';
import { startFakeModel, type FakeModelHarness } from '../support/fake-model.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';

/**
 * A request costs what it touches: the git processes one edit starts (counted by git itself,
 * through GIT_TRACE2_EVENT, which every git process and its children write to) are the same
 * on a 200-file and a 3,000-file repository, cold (outline cache empty) and warm.
 */

const target = 'src/d0/f7.js';
const request = `add a double7 function to ${target}`;
const addition = 'export function double7(value) {\n  return value * 2;\n}\n';

function generatedRepository(files: number): { dir: string; env: NodeJS.ProcessEnv; cleanup(): void } {
  const env = hermeticEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `litecode-process-count-${files}-`)));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const stream = [`commit refs/heads/main\ncommitter Test <test@example.com> 1700000000 +0000\n${data('files\n')}`];
  for (let file = 0; file < files; file++) stream.push(`M 100644 inline src/d${Math.floor(file / 100)}/f${file}.js\n${data(`export const value${file} = ${file};\n`)}`);
  stream.push('\n');
  const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, env, input, stdio: ['pipe', 'pipe', 'pipe'] });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], stream.join(''));
  git(['reset', '-q', '--hard', 'main']);
  return {
    dir,
    env,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      if (env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
    },
  };
}

async function scriptedModel(): Promise<FakeModelHarness> {
  return startFakeModel((recorded) => {
    if (recorded.purpose === 'plan') {
      return {
        content: JSON.stringify({
          kind: 'edit',
          synthesis: `Added double7 to ${target}.`,
          tasks: [{ file: target, action: 'modify', symbols: [], instruction: 'Add an exported double7(value) that returns value * 2.' }],
        }),
      };
    }
    const shown = /----- begin [^\n]+ -----\n([\s\S]*?)----- end /.exec(userText(recorded.body))?.[1] ?? '';
    return { content: `${shown}${addition}` };
  });
}

/** One edit, with every git process it starts counted; agent branches are removed afterwards so the next run starts alike. */
async function countedEdit(repository: { dir: string; env: NodeJS.ProcessEnv }, model: FakeModelHarness, traceDir: string, name: string): Promise<string[]> {
  const trace = join(traceDir, `${name}.json`);
  const result = await runCli([request], { cwd: repository.dir, env: { ...repository.env, ...model.env(), GIT_TRACE2_EVENT: trace }, timeoutMs: 180_000 });
  assert.is(result.exitCode, 0, result.stderr);
  const branches = execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/heads/litecode/'], { cwd: repository.dir, env: repository.env, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  assert.is(branches.length, 1, 'the edit landed on its branch');
  for (const branch of branches) execFileSync('git', ['update-ref', '-d', branch], { cwd: repository.dir, env: repository.env });
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
    .filter((event) => event.event === 'start')
    .map((event) => (event.argv ?? []).slice(1).filter((arg) => !arg.startsWith('--no-optional-locks')).slice(0, 2).join(' '));
}

test('an edit starts the same git processes on a 200-file and a 3,000-file repository, cold and warm', async () => {
  const small = generatedRepository(200);
  const large = generatedRepository(3000);
  const model = await scriptedModel();
  const traceDir = mkdtempSync(join(tmpdir(), 'litecode-trace-'));
  try {
    const smallCold = await countedEdit(small, model, traceDir, 'small-cold');
    const smallWarm = await countedEdit(small, model, traceDir, 'small-warm');
    const largeCold = await countedEdit(large, model, traceDir, 'large-cold');
    const largeWarm = await countedEdit(large, model, traceDir, 'large-warm');
    const summary = (processes: string[]) => `${processes.length}: ${processes.join(', ')}`;
    assert.is(largeWarm.length, smallWarm.length, `warm: 3,000 files ${summary(largeWarm)}\n200 files ${summary(smallWarm)}`);
    assert.is(largeCold.length, smallCold.length, `cold: 3,000 files ${summary(largeCold)}\n200 files ${summary(smallCold)}`);
    // Reading 200 or 300 outlines costs one reader process, not one per file.
    for (const [name, processes] of [['200 files, cold', smallCold], ['3,000 files, cold', largeCold]] as const) {
      assert.is(processes.filter((command) => command.startsWith('cat-file')).length, 1, `${name}: ${summary(processes)}`);
    }
    assert.ok(smallWarm.length < 60, summary(smallWarm));
  } finally {
    await model.close();
    small.cleanup();
    large.cleanup();
    rmSync(traceDir, { recursive: true, force: true });
  }
});

test.run();
