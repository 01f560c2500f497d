import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userText } from '../../src/fake-model/scripted-reply.js';
import { startFakeModel, type FakeModelHarness } from '../support/fake-model.js';
import { generatedRepository } from '../support/generated-repository.js';
import { runCli } from '../support/run-cli.js';

/**
 * A request costs what it touches: the git processes one edit starts (counted by git itself,
 * through GIT_TRACE2_EVENT, which every git process and its children write to) are the same
 * on a 200-file and a 3,000-file repository, cold (outline cache empty) and warm; and warm,
 * an edit, a follow-up, a question and an undo start the processes listed here, each once.
 */

const target = 'src/d0/f7.js';
const request = `add a double7 function to ${target}`;
const addition = 'export function double7(value) {\n  return value * 2;\n}\n';


async function scriptedModel(): Promise<FakeModelHarness> {
  return startFakeModel((recorded) => {
    const text = userText(recorded.body);
    // A follow-up asks for triple7 on top of double7; everything else is the double7 edit.
    const name = /triple7/.test(text) ? 'triple7' : 'double7';
    if (recorded.purpose === 'plan' && /take back/.test(text)) return { content: JSON.stringify({ kind: 'undo', synthesis: 'Took back the last change.', tasks: [] }) };
    if (recorded.purpose === 'plan') {
      return {
        content: JSON.stringify({
          kind: 'edit',
          synthesis: `Added ${name} to ${target}.`,
          tasks: [{ file: target, action: 'modify', symbols: [], instruction: `Add an exported ${name}(value) that returns value * 2.` }],
        }),
      };
    }
    const shown = /----- begin [^\n]+ -----\n([\s\S]*?)----- end /.exec(text)?.[1] ?? '';
    if (!shown) return { content: `${target} exports value7.` };
    return { content: `${shown}${addition.replace('double7', name)}` };
  });
}

/**
 * A git process as the lists below name it: the command and its first argument, with `-c`
 * settings dropped and for-each-ref's reachability filter (--merged/--no-merged) shown.
 */
function describeProcess(argv: string[]): string {
  const words = argv.slice(1).filter((arg) => !arg.startsWith('--no-optional-locks'));
  while (words[0] === '-c') words.splice(0, 2);
  const filter = words.find((word) => /^--(no-)?merged=HEAD$|^--contains=/.test(word));
  return [words[0], filter ? filter.replace(/=.*/, '') : words[1]].join(' ');
}

/** One request, with every git process it starts (counted by git itself: GIT_TRACE2_EVENT). */
async function tracedRequest(repository: { dir: string; env: NodeJS.ProcessEnv }, model: FakeModelHarness, traceDir: string, name: string, text: string | string[]): Promise<{ processes: string[]; stdout: string }> {
  const trace = join(traceDir, `${name}.json`);
  const result = await runCli(typeof text === 'string' ? [text] : text, { cwd: repository.dir, env: { ...repository.env, ...model.env(), GIT_TRACE2_EVENT: trace }, timeoutMs: 180_000 });
  assert.is(result.exitCode, 0, result.stderr);
  const processes = readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
    .filter((event) => event.event === 'start')
    .map((event) => describeProcess(event.argv ?? []));
  return { processes, stdout: result.stdout };
}

function agentBranches(repository: { dir: string; env: NodeJS.ProcessEnv }): string[] {
  return execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/heads/litecode/'], { cwd: repository.dir, env: repository.env, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

/** One edit, with every git process it starts counted; agent branches are removed afterwards so the next run starts alike. */
async function countedEdit(repository: { dir: string; env: NodeJS.ProcessEnv }, model: FakeModelHarness, traceDir: string, name: string): Promise<string[]> {
  const { processes } = await tracedRequest(repository, model, traceDir, name, request);
  const branches = agentBranches(repository);
  assert.is(branches.length, 1, 'the edit landed on its branch');
  for (const branch of branches) execFileSync('git', ['update-ref', '-d', branch], { cwd: repository.dir, env: repository.env });
  return processes;
}

const summary = (processes: string[]) => `${processes.length}: ${processes.join(', ')}`;
/** Processes started together (Promise.all) may log their start in either order: lists are compared as multisets. */
const sorted = (processes: readonly string[]) => [...processes].sort();

/**
 * A warm edit's git processes, in order. Each one is needed once: discovery (which also reads
 * HEAD), litecode's settings (which also list the colour and identity entries), the agent-commit
 * index listing (branches, index refs and the marker in one), which indexed commits HEAD
 * contains, the tracked files and ignore rules, the one object reader (files to outline, and the
 * trees the commit rewrites), the dirty check of the edited file, its blob, every new tree (one
 * mktree --batch), the commit, the branch and index refs (one transaction), and the diffstat.
 */
const warmEdit = [
  'rev-parse --path-format=absolute',
  'config --show-scope',
  'for-each-ref --sort=-committerdate',
  'for-each-ref --merged',
  'ls-tree -r',
  'check-ignore --no-index',
  'cat-file --batch',
  'status --porcelain=v2',
  'hash-object -w',
  'mktree --batch',
  'commit-tree 0',
  'update-ref -m',
  'diff --stat',
];

/** The commit-tree line names the tree id: only its first character is kept, and it varies. */
const normalise = (processes: string[]) => processes.map((command) => (command.startsWith('commit-tree ') ? 'commit-tree 0' : command));

test('an edit starts the same git processes on a 200-file and a 3,000-file repository, cold and warm; warm, each one once', async () => {
  const small = generatedRepository(200, { name: 'process-count' });
  const large = generatedRepository(3000, { name: 'process-count' });
  const model = await scriptedModel();
  const traceDir = mkdtempSync(join(tmpdir(), 'litecode-trace-'));
  try {
    const smallCold = normalise(await countedEdit(small, model, traceDir, 'small-cold'));
    const smallWarm = normalise(await countedEdit(small, model, traceDir, 'small-warm'));
    const largeCold = normalise(await countedEdit(large, model, traceDir, 'large-cold'));
    const largeWarm = normalise(await countedEdit(large, model, traceDir, 'large-warm'));
    assert.equal(sorted(smallWarm), sorted(warmEdit), `warm, 200 files: ${summary(smallWarm)}`);
    assert.equal(sorted(largeWarm), sorted(warmEdit), `warm, 3,000 files: ${summary(largeWarm)}`);
    // Cold, the first run also builds the agent-commit index (once per repository); some reads run in parallel, so compare as sets.
    assert.equal(sorted(largeCold), sorted(smallCold), `cold: 3,000 files ${summary(largeCold)}\n200 files ${summary(smallCold)}`);
    // Reading 200 or 300 outlines and the commit's trees costs one reader process, not one per object.
    for (const [name, processes] of [['200 files, cold', smallCold], ['3,000 files, cold', largeCold]] as const) {
      assert.is(processes.filter((command) => command.startsWith('cat-file')).length, 1, `${name}: ${summary(processes)}`);
    }
  } finally {
    await model.close();
    small.cleanup();
    large.cleanup();
    rmSync(traceDir, { recursive: true, force: true });
  }
});

test('a follow-up, a question and an undo start each git process they need once', async () => {
  const repository = generatedRepository(200, { name: 'process-count' });
  const model = await scriptedModel();
  const traceDir = mkdtempSync(join(tmpdir(), 'litecode-trace-'));
  try {
    await countedEdit(repository, model, traceDir, 'first'); // builds the agent-commit index: later runs are warm
    const edit = normalise((await tracedRequest(repository, model, traceDir, 'edit', request)).processes);
    assert.equal(sorted(edit), sorted(warmEdit), `edit: ${summary(edit)}`);

    const followUp = normalise((await tracedRequest(repository, model, traceDir, 'follow-up', `also add a triple7 function to ${target}`)).processes);
    const [branch] = agentBranches(repository);
    assert.match(execFileSync('git', ['show', `${branch}:${target}`], { cwd: repository.dir, env: repository.env, encoding: 'utf8' }), /double7[\s\S]*triple7/, 'stacked on the edit');
    assert.equal(
      sorted(followUp),
      sorted([
        ...warmEdit,
        // Which indexed commits are pending on an agent branch (and so which branches a follow-up may
        // stack on): the listing cannot tell for the first edit's commit, whose branch was deleted.
        'for-each-ref --no-merged',
        'worktree list', // never move a branch another worktree has checked out
      ]),
      `follow-up: ${summary(followUp)}`,
    );

    const question = await tracedRequest(repository, model, traceDir, 'question', `what does ${target} export?`);
    assert.equal(
      sorted(question.processes),
      sorted(['rev-parse --path-format=absolute', 'config --show-scope', 'for-each-ref --sort=-committerdate', 'for-each-ref --merged', 'for-each-ref --no-merged', 'ls-tree -r', 'check-ignore --no-index', 'cat-file --batch']),
      `question: ${summary(question.processes)}`,
    );

    const undo = await tracedRequest(repository, model, traceDir, 'undo', 'undo the last change');
    assert.match(undo.stdout, /moved back one commit/);
    assert.equal(
      sorted(undo.processes),
      sorted([
        'rev-parse --path-format=absolute',
        'for-each-ref --sort=-committerdate',
        'for-each-ref --merged', // every commit HEAD lacks is on an agent branch's chain in the listing: no --no-merged
        'var GIT_AUTHOR_IDENT', // an undo reads no settings: git tells the identity
        'for-each-ref --contains', // pushed? (a remote-tracking branch has it)
        'worktree list',
        'merge-base --is-ancestor', // is the parent the branch's base?
        'for-each-ref --contains', // another agent branch holds the parent?
        'update-ref -m',
      ]),
      `undo: ${summary(undo.processes)}`,
    );
    // An undo the plan decides on comes after a model call: HEAD is read anew (once), and the
    // history again (once: the undo itself does not read it a third time).
    const planned = await tracedRequest(repository, model, traceDir, 'planned-undo', 'please take back your last change');
    assert.match(planned.stdout, /moved back one commit|deleted/);
    assert.equal(agentBranches(repository), [], 'the edit\'s branch, back at its base, is gone');
    assert.is(planned.processes.filter((command) => command === 'rev-parse --verify').length, 1, `planned undo: ${summary(planned.processes)}`);
    assert.is(planned.processes.filter((command) => command === 'for-each-ref --sort=-committerdate').length, 2, `planned undo: ${summary(planned.processes)}`);
    assert.not.ok(planned.processes.includes('var GIT_AUTHOR_IDENT'), 'the identity came with the settings');

    // The `undo` command: discovery's HEAD, one read of the history, no identity (nothing is committed).
    await tracedRequest(repository, model, traceDir, 'edit-again', request);
    const command = await tracedRequest(repository, model, traceDir, 'undo-command', ['undo']);
    assert.equal(agentBranches(repository), [], 'the branch back at its base is deleted');
    assert.equal(
      sorted(command.processes),
      sorted([
        'rev-parse --path-format=absolute',
        'for-each-ref --sort=-committerdate',
        'for-each-ref --merged',
        'for-each-ref --contains',
        'worktree list',
        'merge-base --is-ancestor',
        'update-ref -m',
      ]),
      `undo command: ${summary(command.processes)}`,
    );

    const fsck = spawnSync('git', ['fsck', '--strict', '--no-progress'], { cwd: repository.dir, env: repository.env, encoding: 'utf8' });
    assert.is(fsck.status, 0, fsck.stderr);
  } finally {
    await model.close();
    repository.cleanup();
    rmSync(traceDir, { recursive: true, force: true });
  }
});

test.run();
