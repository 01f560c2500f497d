#!/usr/bin/env node
// Prints how the scratch-commit step alone (in process) scales with repository size, next to
// `git worktree add`, plus `git litecode log` on 10,000 commits and the start-up cost of
// `git litecode --version`. This is one step, not the command a user runs: command-cost.mjs
// times the whole command. Needs a build (npx tsc -p .). Repositories are cached under
// .bench-tmp/repos/ (shared with command-cost.mjs).
//   node bench/git-scratch.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCacheRoot, buildFastImportStream, cachedRepository, median, timeMs } from './bench-helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(benchCacheRoot, 'git-scratch');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;

// A hermetic identity for the commits the bench makes; nothing of the machine's config is read.
mkdirSync(cache, { recursive: true });
const globalConfig = join(cache, 'gitconfig');
writeFileSync(globalConfig, '[user]\n\tname = Bench\n\temail = bench@example.com\n[gc]\n\tauto = 0\n');
Object.assign(process.env, { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', PAGER: 'cat', GIT_PAGER: 'cat' });

const { discoverRepository } = await import('../dist/git/repository.js');
const { commitChanges } = await import('../dist/git/scratch-commit.js');
const { readFileAtCommit } = await import('../dist/git/read-object.js');
const { formatAgentCommitMessage } = await import('../dist/git/commit-message.js');

const git = (cwd, args, input) => execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30 }).toString().trim();

function ensureRepo(name, stream) {
  return cachedRepository(name, stream, (cwd, args, input) => git(cwd, args, input));
}

const message = formatAgentCommitMessage({
  kind: 'edit', request: 'bench change', synthesis: 'Bench change.', provider: 'ollama', model: 'qwen2.5-coder:7b',
  files: [{ path: 'src/d0/f0.js', summary: 'appended a line' }], checks: ['fences'],
});

async function timeScratchCommit(dir, run) {
  const repository = await discoverRepository(dir);
  const branch = `litecode/bench-${process.pid}-${run}`;
  const elapsed = await timeMs(async () => {
    const head = git(dir, ['rev-parse', 'HEAD']);
    const file = await readFileAtCommit(repository, head, 'src/d0/f0.js');
    const content = Buffer.concat([file.content, Buffer.from(`// run ${run}\n`)]);
    await commitChanges(repository, { parent: head, changes: [{ kind: 'write', path: 'src/d0/f0.js', content }], message, branch, expectedOldValue: null });
  });
  git(dir, ['update-ref', '-d', `refs/heads/${branch}`]);
  return elapsed;
}

async function timeWorktreeAdd(dir, run) {
  const target = join(cache, `worktree-${process.pid}-${run}`);
  const elapsed = await timeMs(async () => git(dir, ['worktree', 'add', '-q', '--detach', target, 'HEAD']));
  rmSync(target, { recursive: true, force: true });
  git(dir, ['worktree', 'prune']);
  return elapsed;
}

const sizes = [200, 10_000, 50_000];
const repos = Object.fromEntries(sizes.map((files) => [files, ensureRepo(`files-${files}`, () => buildFastImportStream({ files, commits: 1 }))]));
const scratch = Object.fromEntries(sizes.map((files) => [files, []]));
const worktree = Object.fromEntries(sizes.map((files) => [files, []]));
for (const files of sizes) await timeScratchCommit(repos[files], 'warmup');
// Sizes take turns within each round, so that load from elsewhere on the machine hits them alike.
for (let run = 0; run < runs; run++) {
  for (const files of sizes) scratch[files].push(await timeScratchCommit(repos[files], run));
  if (run < 1) for (const files of sizes) worktree[files].push(await timeWorktreeAdd(repos[files], run));
}
console.log(`scratch change of one file + commit on an agent branch (one step, in process), vs full git worktree add (medians; ${runs} runs and 1 run)`);
for (const files of sizes) {
  const [a, b] = [median(scratch[files]), median(worktree[files])];
  console.log(`  ${String(files).padStart(6)} files: scratch commit ${a.toFixed(1)} ms   git worktree add ${b.toFixed(1)} ms   (worktree add is ${(b / a).toFixed(1)}x)`);
}
console.log(`  scratch step alone, 50k/200: ${(median(scratch[50_000]) / median(scratch[200])).toFixed(2)} (the whole command's ratio is in command-cost.mjs)`);

const historyDir = ensureRepo('commits-10000', () => buildFastImportStream({ files: 50, commits: 10_000, agentEvery: 100 }));
const bin = join(root, 'bin', 'git-litecode.mjs');
const cliTimes = (args, cwd) => {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
};
const logCount = spawnSync(process.execPath, [bin, 'log', '--json', '--limit', '1000'], { cwd: historyDir }).stdout.toString();
const logMedian = cliTimes([bin, 'log'], historyDir);
const { listAgentCommits } = await import('../dist/git/agent-history.js');
const historyRepository = await discoverRepository(historyDir);
const listTimes = [];
for (let run = 0; run < runs; run++) listTimes.push(await timeMs(() => listAgentCommits(historyRepository, { limit: 20 })));
console.log(`git litecode log on 10,000 commits (${JSON.parse(logCount).length} agent commits): median ${logMedian.toFixed(1)} ms (listAgentCommits alone, in process: ${median(listTimes).toFixed(1)} ms)`);
const nodeMedian = cliTimes(['-e', ''], root);
const versionMedian = cliTimes([bin, '--version'], root);
console.log(`git litecode --version ${versionMedian.toFixed(1)} ms vs node -e '' ${nodeMedian.toFixed(1)} ms: ratio ${(versionMedian / nodeMedian).toFixed(2)} (goal <= 1.3)`);
