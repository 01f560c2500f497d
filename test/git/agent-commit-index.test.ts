import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAgentCommits } from '../../src/git/agent-history.js';
import { recordAppliedCommits } from '../../src/git/agent-commit-index.js';
import { formatAgentCommitMessage } from '../../src/git/commit-message.js';
import { buildFixtureRepo, type FixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { runCli } from '../support/run-cli.js';
import { git, makeAgentCommit, openRepository } from './agent-commit-helpers.js';
import { agentScene, apiWithRetry, planReply, promptsFor, retryPlan } from '../agent/agent-scene.js';

// Needs the built CLI: npm run build (npm test builds first).
const env = hermeticEnv();
const cleanups: (() => void)[] = [];
test.after(() => cleanups.forEach((cleanup) => cleanup()));

async function fixtureRepo(): Promise<FixtureRepo> {
  const fixture = await buildFixtureRepo('js-app', { env });
  cleanups.push(() => fixture.cleanup());
  return fixture;
}

interface LoggedCommit {
  sha: string;
  state: string;
  branch: string | null;
  request: string;
}

async function cliLog(dir: string, extraEnv: Record<string, string> = {}): Promise<LoggedCommit[]> {
  const result = await runCli(['log', '--json', '-n', '50'], { cwd: dir, env: { ...env, ...extraEnv } });
  assert.is(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout) as LoggedCommit[];
}

function indexedShas(dir: string): string[] {
  return git(dir, env, ['for-each-ref', '--format=%(objectname)', 'refs/litecode/commits/']).split('\n').filter(Boolean);
}

function stateOf(commits: LoggedCommit[], sha: string): string | undefined {
  return commits.find((commit) => commit.sha === sha)?.state;
}

function assertFsckClean(dir: string): void {
  execFileSync('git', ['fsck', '--full', '--no-progress'], { cwd: dir, env, stdio: 'pipe' });
}

/** A commit with agent trailers made without git-litecode (an older version, a teammate's machine): not indexed. */
function handMadeAgentCommit(dir: string, request: string, parent = 'HEAD'): string {
  const message = formatAgentCommitMessage({
    kind: 'edit',
    request,
    synthesis: `Did: ${request}`,
    provider: 'ollama',
    model: 'qwen2.5-coder:7b',
    files: [],
    checks: [],
    runId: `hand-${request.length}`,
  });
  return git(dir, env, ['commit-tree', `${parent}^{tree}`, '-p', parent, '-F', '-'], message);
}

test('log and undo find applied (fast-forward and re-committed), undone and pending agent commits through the index', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);

  const fastForward = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'export const retry = true;\n' } });
  const applyFastForward = await runCli(['apply', fastForward.branch], { cwd: dir, env });
  assert.is(applyFastForward.exitCode, 0, applyFastForward.stderr);
  assert.is(git(dir, env, ['rev-parse', 'HEAD']), fastForward.commit, 'a fast-forward keeps the sha');

  const recommitted = await makeAgentCommit(repository, { request: 'rename validateToken', files: { 'src/auth.js': 'export function verifyToken() {}\n' } });
  git(dir, env, ['commit', '-q', '--allow-empty', '-m', 'A commit of the user, so that apply re-commits']);
  const applyRecommit = await runCli(['apply', recommitted.branch], { cwd: dir, env });
  assert.is(applyRecommit.exitCode, 0, applyRecommit.stderr);
  const recommit = git(dir, env, ['rev-parse', 'HEAD']);
  assert.is.not(recommit, recommitted.commit, 'apply made a new commit through git commit');
  // The apply itself indexed the new sha and dropped the original, which is on no branch any more.
  assert.ok(indexedShas(dir).includes(recommit));
  assert.not.ok(indexedShas(dir).includes(recommitted.commit));

  const pending = await makeAgentCommit(repository, { request: 'export utils', files: { 'src/utils.js': 'export const utils = 1;\n' } });
  assert.ok(indexedShas(dir).includes(pending.commit), 'recorded with its branch, in one transaction');

  let logged = await cliLog(dir);
  assert.equal(
    logged.map((commit) => [commit.sha, commit.state, commit.branch]),
    [
      [pending.commit, 'pending', pending.branch],
      [recommit, 'applied', null],
      [fastForward.commit, 'applied', null],
    ],
  );

  // Undo of a pending change deletes its branch: the commit stays listed, as undone (today's
  // walk lost it), and the next undo takes the newest change that is not undone.
  const undoPending = await runCli(['undo'], { cwd: dir, env });
  assert.is(undoPending.exitCode, 0, undoPending.stderr);
  assert.is(git(dir, env, ['for-each-ref', `refs/heads/${pending.branch}`]), '');
  assert.is(git(dir, env, ['rev-parse', `refs/litecode/undone/${pending.commit}`]), pending.commit, 'recorded with the branch move');
  logged = await cliLog(dir);
  assert.is(stateOf(logged, pending.commit), 'undone');
  git(dir, env, ['reflog', 'expire', '--expire=now', '--all']);
  git(dir, env, ['gc', '-q', '--prune=now']);
  assert.is(git(dir, env, ['cat-file', '-t', pending.commit]), 'commit', 'the index keeps an undone commit from gc');

  const undoApplied = await runCli(['undo', '--json'], { cwd: dir, env });
  assert.is(undoApplied.exitCode, 0, undoApplied.stderr);
  const revert = JSON.parse(undoApplied.stdout) as { kind: string; commit: string; undone: string };
  assert.is(revert.kind, 'revert-proposed');
  assert.is(revert.undone, recommit, 'the re-commit in HEAD is what gets undone, not the dropped original');
  logged = await cliLog(dir);
  assert.is(stateOf(logged, revert.commit), 'pending');
  assert.is(stateOf(logged, recommit), 'applied', 'still in HEAD while the revert is under review');
  assert.is(logged.length, 4);
  assertFsckClean(dir);
});

test('a re-commit made by hand (cherry-pick) is indexed by recordAppliedCommits, bounded by what was applied', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  await listAgentCommits(repository); // builds the index (marker) on this history
  const made = await makeAgentCommit(repository, { request: 'add logging', files: { 'src/api.js': 'export const log = true;\n' } });
  git(dir, env, ['commit', '-q', '--allow-empty', '-m', 'user work']);
  const oldTip = git(dir, env, ['rev-parse', 'HEAD']);
  git(dir, env, ['cherry-pick', made.commit]);
  git(dir, env, ['branch', '-q', '-D', made.branch]);
  const newTip = git(dir, env, ['rev-parse', 'HEAD']);
  await recordAppliedCommits(repository, oldTip, newTip);
  assert.ok(indexedShas(dir).includes(newTip), 'indexed right away');
  assert.not.ok(indexedShas(dir).includes(made.commit), 'the original, on no branch any more, is replaced');
  const commits = await listAgentCommits(repository);
  assert.equal(
    commits.map((commit) => [commit.sha, commit.state]),
    [[newTip, 'applied']],
  );
});

test('a follow-up sees an applied (re-committed) change and an undone one in its memory, read from the index', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  const applied = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(dir, env, ['commit', '-q', '--allow-empty', '-m', 'user work']);
  assert.is((await runCli(['apply', applied.branch], { cwd: dir, env })).exitCode, 0);
  const dropped = await makeAgentCommit(repository, { request: 'add jitter', files: { 'src/api.js': 'jitter\n' } });
  assert.is((await runCli(['undo'], { cwd: dir, env })).exitCode, 0);
  const { memoryFromHistory, renderMemory } = await import('../../src/agent/memory.js');
  const memory = memoryFromHistory(await listAgentCommits(repository, { limit: 10 }));
  assert.equal(
    memory.map((entry) => [entry.request, entry.state]),
    [
      ['add jitter', 'undone'],
      ['add retry', 'applied'],
    ],
  );
  assert.is(memory[0]!.sha, dropped.commit);
  assert.match(renderMemory(memory), /Did: add jitter \(request: "add jitter"; files: src\/api\.js; undone\)/);
});

test('a read-only read (questions) brings a stale index up to date in memory and writes nothing', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  const applied = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(dir, env, ['merge', '-q', '--ff-only', applied.branch]);
  git(dir, env, ['branch', '-q', '-d', applied.branch]);
  const handMade = handMadeAgentCommit(dir, 'made elsewhere');
  git(dir, env, ['branch', 'litecode/made-elsewhere', handMade]);
  for (const round of ['never built', 'stale']) {
    const refs = git(dir, env, ['for-each-ref']);
    const objects = git(dir, env, ['count-objects', '-v']);
    const commits = await listAgentCommits(repository, { readOnly: true });
    assert.equal(
      commits.map((commit) => [commit.sha, commit.state, commit.branch ?? null]),
      [
        [handMade, 'pending', 'litecode/made-elsewhere'],
        [applied.commit, 'applied', null],
      ],
      round,
    );
    assert.is(git(dir, env, ['for-each-ref']), refs, `${round}: no ref written`);
    assert.is(git(dir, env, ['count-objects', '-v']), objects, `${round}: no object written`);
    if (round === 'never built') {
      git(dir, env, ['update-ref', '-d', `refs/litecode/commits/${applied.commit}`]);
      git(dir, env, ['branch', '-q', '-D', 'litecode/made-elsewhere']);
      await listAgentCommits(repository); // builds the index
      git(dir, env, ['branch', 'litecode/made-elsewhere', handMade]); // a tip the index does not know
    }
  }
});

test('an edit that lands saves the index (its commit with its branch); the next log walks nothing', async () => {
  const scene = await agentScene('js-app', [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }]);
  try {
    assert.is(scene.git(['for-each-ref', 'refs/litecode/']), '', 'never built');
    const traceFile = join(mkdtempSync(join(tmpdir(), 'litecode-trace-')), 'events.json');
    const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js'], { extraEnv: { GIT_TRACE2_EVENT: traceFile } });
    assert.is(result.exitCode, 0, result.stderr);
    assert.is(walks(gitCommandsIn(traceFile)).length, 1, 'the build walk is done once: saving the index after the commit reuses it');
    const [branch] = scene.agentBranches();
    const commit = scene.git(['rev-parse', branch!]).trim();
    assert.is(scene.git(['rev-parse', `refs/litecode/commits/${commit}`]).trim(), commit);
    assert.ok(scene.git(['rev-parse', '--verify', 'refs/litecode/index']).trim());
    const traced = await tracedLog(scene.dir);
    assert.equal(traced.commits.map((logged) => [logged.sha, logged.state, logged.branch]), [[commit, 'pending', branch]]);
    assert.equal(walks(traced.gitCommands), []);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('when the index cannot be written (a lock held, a read-only repository), log answers from memory', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  const applied = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(dir, env, ['merge', '-q', '--ff-only', applied.branch]);
  git(dir, env, ['branch', '-q', '-d', applied.branch]);
  git(dir, env, ['update-ref', '-d', `refs/litecode/commits/${applied.commit}`]);
  const lock = join(dir, '.git/refs/litecode/index.lock');
  writeFileSync(lock, '');
  try {
    const logged = await cliLog(dir);
    assert.equal(logged.map((commit) => [commit.sha, commit.state]), [[applied.commit, 'applied']]);
    assert.is(git(dir, env, ['for-each-ref', 'refs/litecode/index']), '', 'nothing saved');
  } finally {
    rmSync(lock);
  }
  await cliLog(dir);
  assert.ok(indexedShas(dir).includes(applied.commit), 'saved once the lock is gone');
});

test('linked worktrees share one index; each lists against its own HEAD, and switching between them walks nothing', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  const linked = `${dir}-linked`;
  cleanups.push(() => rmSync(linked, { recursive: true, force: true }));
  git(dir, env, ['worktree', 'add', '-q', '-b', 'feature', linked]);
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(linked, env, ['merge', '-q', '--ff-only', made.branch]);
  git(dir, env, ['branch', '-q', '-d', '--force', made.branch]);
  assert.equal((await cliLog(linked)).map((commit) => [commit.sha, commit.state]), [[made.commit, 'applied']]);
  assert.equal(await cliLog(dir), [], "not in this worktree's HEAD, on no agent branch: not listed");
  for (const worktree of [linked, dir, linked]) assert.equal(walks((await tracedLog(worktree)).gitCommands), [], worktree);
});

test('through the real CLI: a follow-up after an apply (re-commit) and an undo sees both in the plan memory', async () => {
  const withJitter = apiWithRetry.replace('await sleep(100 * 2 ** attempt);', 'await sleep(100 * 2 ** attempt + Math.random() * 100);');
  const jitterPlan = {
    kind: 'edit',
    synthesis: 'Added jitter to the fetchUser retry delay in src/api.js.',
    tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Add up to 100 ms of jitter to each delay.' }],
  };
  const scene = await agentScene('js-app', [
    planReply(retryPlan, { userContains: 'add retry' }),
    { match: { purpose: 'edit', userContains: 'Retry the request' }, content: apiWithRetry },
    planReply(jitterPlan, { userContains: 'jitter' }),
    { match: { purpose: 'edit', userContains: 'jitter' }, content: withJitter },
  ]);
  try {
    assert.is((await scene.litecode(['add retry with backoff to fetchUser in src/api.js'])).exitCode, 0);
    scene.git(['commit', '-q', '--allow-empty', '-m', 'user work, so that apply re-commits']);
    const applied = await runCli(['apply'], { cwd: scene.dir, env: scene.env });
    assert.is(applied.exitCode, 0, applied.stderr);
    const recommit = scene.git(['rev-parse', 'HEAD']).trim();
    assert.match(scene.git(['log', '-1', '--format=%B', recommit]), /Litecode-Kind: edit/);

    assert.is((await scene.litecode(['also add jitter to the retry delay'])).exitCode, 0);
    const [jitterBranch] = scene.agentBranches();
    const jitterCommit = scene.git(['rev-parse', jitterBranch!]).trim();
    assert.is(scene.git(['rev-parse', `${jitterBranch}^`]).trim(), recommit, 'a fresh branch on HEAD: nothing pending to stack on');
    const undo = await scene.litecode(['undo']);
    assert.is(undo.exitCode, 0, undo.stderr);

    const logged = await cliLog(scene.dir);
    assert.equal(
      logged.map((commit) => [commit.sha, commit.state]),
      [
        [jitterCommit, 'undone'],
        [recommit, 'applied'],
      ],
    );
    const planPrompts = promptsFor(scene.model, 'plan');
    assert.match(planPrompts[1]!, /Added retry with exponential backoff to fetchUser in src\/api\.js\. \(request: "add retry with backoff to fetchUser in src\/api\.js"; files: src\/api\.js; applied\)/);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

/** A repository of `commits` plain commits, made in one `git fast-import` (fast enough for a test). */
function historyRepo(commits: number): string {
  const dir = mkdtempSync(join(tmpdir(), `litecode-history-${commits}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  git(dir, env, ['init', '-q', '-b', 'main']);
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let index = 0; index < commits; index++) {
    parts.push(`commit refs/heads/main\ncommitter Someone <someone@example.com> ${1_600_000_000 + index * 60} +0000\n${data(`Change ${index}\n`)}`);
    parts.push(`M 100644 inline src/file${index % 50}.js\n${data(`export const value = ${index};\n`)}\n`);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: parts.join(''), maxBuffer: 1 << 28 });
  git(dir, env, ['reset', '-q', '--hard', 'main']);
  return dir;
}

interface TracedRun {
  commits: LoggedCommit[];
  /** The git subcommand and arguments of every git process the CLI started. */
  gitCommands: string[][];
}

async function tracedLog(dir: string): Promise<TracedRun> {
  const traceFile = join(mkdtempSync(join(tmpdir(), 'litecode-trace-')), 'events.json');
  cleanups.push(() => rmSync(traceFile, { force: true }));
  const commits = await cliLog(dir, { GIT_TRACE2_EVENT: traceFile });
  return { commits, gitCommands: gitCommandsIn(traceFile) };
}

function gitCommandsIn(traceFile: string): string[][] {
  return readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
    .filter((event) => event.event === 'start' && event.argv)
    .map((event) => event.argv!.slice(1).filter((argument) => argument !== '--no-optional-locks'));
}

function walks(commands: string[][]): string[][] {
  return commands.filter(([subcommand]) => subcommand === 'log' || subcommand === 'rev-list');
}

test('with 10k commits none by the agent, log reads refs and never walks the history: the same git processes as on 100 commits', async () => {
  const large = historyRepo(10_000);
  const small = historyRepo(100);
  // Killed at any moment of the first build, a run leaves a repository git fsck accepts, no lock, and an index the next run builds.
  for (const afterMs of [150, 400, 900]) {
    await runCli(['log'], { cwd: large, env, timeoutMs: afterMs });
    assertFsckClean(large);
    assert.not.match(git(large, env, ['for-each-ref']), /\.lock/);
    assert.equal(execFileSync('find', [join(large, '.git'), '-name', '*.lock'], { encoding: 'utf8' }), '');
  }
  for (const dir of [large, small]) {
    // The first read of an existing repository builds the index: one walk, once.
    if (dir === large) git(dir, env, ['update-ref', '-d', 'refs/litecode/index']); // in case a killed run above finished the build
    const first = await tracedLog(dir);
    assert.equal(first.commits, []);
    assert.is(walks(first.gitCommands).length, 1, 'one build walk');
  }
  const [largeRun, smallRun] = [await tracedLog(large), await tracedLog(small)];
  assert.equal(walks(largeRun.gitCommands), [], `no walk: ${JSON.stringify(largeRun.gitCommands)}`);
  assert.equal(
    largeRun.gitCommands.map(([subcommand]) => subcommand).sort(),
    smallRun.gitCommands.map(([subcommand]) => subcommand).sort(),
    'the same commands, whatever the length of the history',
  );
  assert.ok(largeRun.gitCommands.length <= 6, `few git processes: ${JSON.stringify(largeRun.gitCommands)}`);

  // An agent commit applied by hand, then a user commit: the next log walks only what is new.
  const repository = await openRepository(large, env);
  const made = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/file1.js': 'export const retry = 1;\n' } });
  const boundary = git(large, env, ['rev-parse', 'HEAD']);
  git(large, env, ['merge', '-q', '--ff-only', made.branch]);
  git(large, env, ['commit', '-q', '--allow-empty', '-m', 'user work']);
  const afterCommit = await tracedLog(large);
  assert.equal(afterCommit.commits.map((commit) => [commit.sha, commit.state]), [[made.commit, 'applied']]);
  const [walk, ...more] = walks(afterCommit.gitCommands);
  assert.is(more.length, 0);
  assert.ok(walk!.includes('--not') && walk!.includes(boundary), `the walk stops at the last scanned HEAD: ${JSON.stringify(walk)}`);
  assert.equal(walks((await tracedLog(large)).gitCommands), [], 'and then no walk again');
});

test('a stale index is detected and repaired: agent commits made without it, a rewritten commit, refs deleted by hand, refs to non-agent commits', async () => {
  const { dir } = await fixtureRepo();
  const repository = await openRepository(dir, env);
  const applied = await makeAgentCommit(repository, { request: 'add retry', files: { 'src/api.js': 'retry\n' } });
  git(dir, env, ['merge', '-q', '--ff-only', applied.branch]);
  git(dir, env, ['branch', '-q', '-d', applied.branch]);
  await listAgentCommits(repository);

  // The applied agent commit rewritten by the user (amend keeps its message and trailers).
  writeFileSync(join(dir, 'src/api.js'), 'retry, amended\n');
  git(dir, env, ['commit', '-q', '-a', '--amend', '--no-edit']);
  const amended = git(dir, env, ['rev-parse', 'HEAD']);
  let commits = await listAgentCommits(repository);
  assert.is(commits.find((commit) => commit.sha === amended)?.state, 'applied');
  assert.not.ok(commits.some((commit) => commit.sha === applied.commit), 'the sha the amend replaced is dropped');
  assert.not.ok(indexedShas(dir).includes(applied.commit));

  // An agent branch made without git-litecode's index (an older version, a fetched branch): its tip is not indexed.
  const handMade = handMadeAgentCommit(dir, 'made elsewhere');
  git(dir, env, ['branch', 'litecode/made-elsewhere', handMade]);
  commits = await listAgentCommits(repository);
  assert.is(commits.find((commit) => commit.sha === handMade)?.state, 'pending');
  assert.ok(indexedShas(dir).includes(handMade));

  // A pending branch deleted by hand: dropped, so not listed (as git shows it nowhere), but still
  // indexed, so that recreating the branch (or an undo marker) lists it again.
  git(dir, env, ['branch', '-q', '-D', 'litecode/made-elsewhere']);
  commits = await listAgentCommits(repository);
  assert.not.ok(commits.some((commit) => commit.sha === handMade));
  assert.ok(indexedShas(dir).includes(handMade));
  git(dir, env, ['branch', 'litecode/made-elsewhere-again', handMade]);
  commits = await listAgentCommits(repository);
  assert.is(commits.find((commit) => commit.sha === handMade)?.state, 'pending');

  // Index refs deleted by hand (the marker kept): fewer refs than recorded, so one walk rebuilds them.
  const refs = git(dir, env, ['for-each-ref', '--format=delete %(refname)', 'refs/litecode/commits/']);
  git(dir, env, ['update-ref', '--stdin'], `${refs}\n`);
  assert.equal(indexedShas(dir), []);
  commits = await listAgentCommits(repository);
  assert.ok(indexedShas(dir).includes(amended), 'rebuilt from HEAD');
  assert.is(commits.find((commit) => commit.sha === amended)?.state, 'applied');

  // A ref to a commit without agent trailers, and one to an object that is gone: dropped, not listed.
  const plain = git(dir, env, ['rev-parse', 'HEAD~1']);
  git(dir, env, ['update-ref', `refs/litecode/commits/${plain}`, plain]);
  const missing = '1234567890abcdef1234567890abcdef12345678';
  writeFileSync(join(dir, '.git/refs/litecode/commits', missing), `${missing}\n`);
  commits = await listAgentCommits(repository);
  assert.not.ok(commits.some((commit) => commit.sha === plain || commit.sha === missing));
  assert.not.ok(indexedShas(dir).includes(plain));
  assert.equal(
    git(dir, env, ['for-each-ref', '--format=%(refname)', `refs/litecode/commits/${missing}`]),
    '',
  );
  assertFsckClean(dir);

  // No marker at all (a clone, or removed to force it): one walk rebuilds the index.
  git(dir, env, ['update-ref', '-d', 'refs/litecode/index']);
  commits = await listAgentCommits(repository);
  assert.is(commits.find((commit) => commit.sha === amended)?.state, 'applied');
  assert.ok(git(dir, env, ['rev-parse', '--verify', 'refs/litecode/index']));
  assertFsckClean(dir);
});

test.run();
