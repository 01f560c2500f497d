#!/usr/bin/env node
// What a user runs, timed whole: `git litecode "<edit>"` as a child process against an instant
// scripted model, on generated 200-, 10k- and 50k-file repositories and an 80k-commit history,
// cold (outline cache empty) and warm (second run). Figures are CPU time of the child and
// everything it waits for (user + system, from bash's `times`), medians, and ratios taken in
// the same run, so a busy machine scales both sides alike. Prints each figure next to its goal
// (issue 11). Generated repositories are cached under .bench-tmp/command-cost/ (gitignored);
// delete that folder to rebuild them. Needs a build (npx tsc -p .).
//   node bench/command-cost.mjs [--runs 3] [--quick]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildFastImportStream, cachedRepository, median } from './bench-helpers.mjs';
import { startFakeModelServer } from '../dist/fake-model/fake-model-server.js';
import { userText } from '../dist/fake-model/scripted-reply.js';
import { countMessagesRaw } from '../dist/model/token-counter.js';
import { familyMargin } from '../dist/model/token-margin.js';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' }, quick: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(options.runs));
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'git-litecode.mjs');
const model = 'qwen2.5-coder:7b';
const timeBinary = '/usr/bin/time';
const haveTime = existsSync(timeBinary);

const home = mkdtempSync(join(tmpdir(), 'litecode-command-cost-'));
const globalConfig = join(home, 'gitconfig');
writeFileSync(globalConfig, '[user]\n\tname = Bench User\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n');
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^(GIT_|LITECODE_|OLLAMA_|GROQ_)/.test(key) || key === 'CI' || key === 'EMAIL') delete env[key];
Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: globalConfig, NO_COLOR: '1', PAGER: 'cat', GIT_PAGER: 'cat' });

// --- the scripted model: plans one modify of the named file and returns its new content --------
const editTarget = { path: 'src/d0/f7.js', addition: 'export function double7(value) {\n  return value * 2;\n}\n' };
const editRequest = `add a double7 function to ${editTarget.path}`;
const planCalls = [];
const allCalls = [];
const server = await startFakeModelServer((request) => {
  if (request.path === '/api/chat') allCalls.push(request);
  if (request.purpose === 'plan') {
    planCalls.push(request);
    return {
      content: JSON.stringify({
        kind: 'edit',
        synthesis: `Added double7 to ${editTarget.path}.`,
        tasks: [{ file: editTarget.path, action: 'modify', symbols: [], instruction: 'Add an exported double7(value) that returns value * 2.' }],
      }),
    };
  }
  // The file as the edit prompt shows it, plus the new function.
  const shown = /----- begin [^\n]+ -----\n([\s\S]*?)----- end /.exec(userText(request.body))?.[1] ?? '';
  return { content: `${shown}${editTarget.addition}` };
}, { models: [{ name: model, contextLength: 32768 }] });
Object.assign(env, { LITECODE_PROVIDER: 'ollama', OLLAMA_HOST: server.url, LITECODE_MODEL: model });

// --- generated repositories, cached -----------------------------------------------------------
function git(cwd, args, input) {
  return execFileSync('git', args, { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

function generatedRepository(name, { files, commits }) {
  return cachedRepository(name, () => buildFastImportStream({ files, commits }), git);
}

/**
 * Leaves no agent branch or calibration from an earlier run, so every run starts alike. The
 * agent-commit index (refs/litecode/) stays: it is built once per repository, and that one-time
 * walk is measured on its own (forgetAgentIndex).
 */
function resetAgentState(dir) {
  const refs = git(dir, ['for-each-ref', '--format=%(refname)', 'refs/heads/litecode/']).split('\n').filter(Boolean);
  if (refs.length) git(dir, ['update-ref', '--stdin'], refs.map((ref) => `delete ${ref}\n`).join(''));
  rmSync(join(dir, '.git', 'litecode', 'calibration.json'), { force: true });
}

/** As if git-litecode had never run in the repository: no agent branch and no index. */
function forgetAgentIndex(dir) {
  resetAgentState(dir);
  const refs = git(dir, ['for-each-ref', '--format=%(refname)', 'refs/litecode/']).split('\n').filter(Boolean);
  if (refs.length) git(dir, ['update-ref', '--stdin'], refs.map((ref) => `delete ${ref}\n`).join(''));
}

/**
 * A timed worktree is moved aside and deleted after the last figure: deleting 50k files costs
 * more than adding them on a slow disk, and that cost would land on the next measurement.
 */
const trash = [];
function removeWorktree(dir, target) {
  const aside = `${target}-trash`;
  renameSync(target, aside);
  trash.push(aside);
  git(dir, ['worktree', 'prune']);
}

function clearOutlineCache(dir) {
  rmSync(join(dir, '.git', 'litecode', 'outline-cache'), { recursive: true, force: true });
}

// --- one measured child ------------------------------------------------------------------------
/**
 * Runs a command; CPU seconds (user + system, children included) and peak RSS in MiB. CPU comes
 * from bash's `times` (millisecond resolution: /usr/bin/time prints hundredths, a quarter of
 * `node -e ''`), peak RSS from /usr/bin/time when it is installed.
 */
function measure(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const out = join(home, 'time.txt');
    const started = process.hrtime.bigint();
    const timed = haveTime ? [timeBinary, '-f', '%M', '-o', out, command, ...args] : [command, ...args];
    const child = spawn('bash', ['-c', '"$@"; status=$?; times >&3; exit $status', 'bash', ...timed], { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let timesOutput = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdio[3].on('data', (chunk) => (timesOutput += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      // `times` prints the shell's own line, then its children's: "0m0.512s 0m0.104s".
      const children = timesOutput.trim().split('\n').at(-1).match(/(\d+)m([\d.]+)s/g) ?? [];
      const cpu = children.map((time) => {
        const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(time);
        return Number(minutes) * 60 + Number(seconds);
      }).reduce((sum, seconds) => sum + seconds, 0);
      const rssMiB = haveTime ? Number(readFileSync(out, 'utf8').trim().split('\n').at(-1)) / 1024 : Number.NaN;
      resolve({ code, cpu: children.length === 2 ? cpu : wall, wall, rssMiB, stderr });
    });
  });
}

async function litecode(cwd, args) {
  const result = await measure(process.execPath, [bin, ...args], cwd);
  if (result.code !== 0) throw new Error(`git litecode ${args.join(' ')} in ${cwd} exited ${result.code}: ${result.stderr.trim().split('\n').at(-1)}`);
  return result;
}

async function medianOf(count, run) {
  const results = [];
  for (let index = 0; index < count; index++) results.push(await run());
  return { cpu: median(results.map((result) => result.cpu)), rssMiB: median(results.map((result) => result.rssMiB)), wall: median(results.map((result) => result.wall)) };
}

/**
 * A command that costs about as much as starting node, against `node -e ''` in interleaved runs
 * (at least 11: a few milliseconds of noise is a tenth of the figure), so load changes hit both.
 */
async function againstNode(cwd, args) {
  const command = [];
  const node = [];
  for (let index = 0; index < Math.max(11, runs); index++) {
    node.push((await measure(process.execPath, ['-e', ''], root)).cpu);
    command.push((await litecode(cwd, args)).cpu);
  }
  return { cpu: median(command), ratio: median(command) / median(node) };
}

/** Cold (outline cache emptied) and warm (the same edit again) whole-command runs. */
async function editCost(dir) {
  const cold = [];
  const warm = [];
  for (let index = 0; index < runs; index++) {
    resetAgentState(dir);
    clearOutlineCache(dir);
    cold.push(await litecode(dir, [editRequest]));
    resetAgentState(dir);
    warm.push(await litecode(dir, [editRequest]));
  }
  const summary = (results) => ({ cpu: median(results.map((r) => r.cpu)), rssMiB: median(results.map((r) => r.rssMiB)) });
  return { cold: summary(cold), warm: summary(warm) };
}

async function promptTokensOfOneEdit(dir) {
  resetAgentState(dir);
  planCalls.length = 0;
  allCalls.length = 0;
  await litecode(dir, [editRequest]);
  const margin = familyMargin(model);
  const tokens = async (request) => Math.ceil((await countMessagesRaw(request.body.messages)) * margin);
  const plan = planCalls.length ? await tokens(planCalls[0]) : 0;
  let total = 0;
  for (const call of allCalls) total += await tokens(call);
  return { plan, total };
}

const ratio = (a, b) => a / b;
const times = (value) => `${value.toFixed(2)}×`;
const rows = [];
const row = (figure, measured, goal, ok) => {
  rows.push({ figure, measured, goal, ok });
  console.log(`  ${figure}: ${measured} (goal ${goal})${ok === undefined ? '' : ok ? '' : '  ← above goal'}`);
};

const started = Date.now();
try {
  console.log(`command cost: whole CLI runs, ${runs} per figure, medians of child CPU (user+system, from bash's times)${haveTime ? '' : ' — /usr/bin/time missing: no peak memory'}`);
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {}
  if (load) console.log(`load average at start: ${load}`);

  const sizes = options.quick ? [200, 10_000] : [200, 10_000, 50_000];
  const repos = Object.fromEntries(sizes.map((files) => [files, generatedRepository(`files-${files}`, { files, commits: 1 })]));
  // Shaped like git/git: about 5k files and 80k commits, none of them by the agent.
  const historyCommits = options.quick ? 20_000 : 80_000;
  const history80k = generatedRepository(`history-5000-files-${historyCommits}`, { files: 5000, commits: historyCommits });
  const history100 = generatedRepository('history-5000-files-100', { files: 5000, commits: 100 });

  // The first processes after a long pause pay for a cold page cache: one untimed start.
  await measure(process.execPath, ['-e', ''], root);
  const baseline = await medianOf(runs, () => measure(process.execPath, ['-e', ''], root));
  console.log(`\nnode -e '': ${baseline.cpu.toFixed(3)} s CPU`);

  console.log('\none-file edit (whole command, instant model):');
  const edits = {};
  for (const files of sizes) {
    edits[files] = await editCost(repos[files]);
    console.log(`  ${files} files: cold ${edits[files].cold.cpu.toFixed(2)} s, warm ${edits[files].warm.cpu.toFixed(2)} s CPU, warm peak RSS ${edits[files].warm.rssMiB.toFixed(0)} MiB`);
  }
  const largest = sizes.at(-1);
  console.log('\nfigures (issue 11 goals):');
  row(`one-file edit, ${largest} / 200 files, warm`, times(ratio(edits[largest].warm.cpu, edits[200].warm.cpu)), '≤ 1.2×', ratio(edits[largest].warm.cpu, edits[200].warm.cpu) <= 1.2);
  row(`one-file edit, ${largest} / 200 files, cold`, times(ratio(edits[largest].cold.cpu, edits[200].cold.cpu)), '≤ 1.5×', ratio(edits[largest].cold.cpu, edits[200].cold.cpu) <= 1.5);
  if (sizes.includes(10_000)) row('one-file edit, 10k / 200 files, warm', times(ratio(edits[10_000].warm.cpu, edits[200].warm.cpu)), '≤ 1.2×', ratio(edits[10_000].warm.cpu, edits[200].warm.cpu) <= 1.2);

  // A full checkout's CPU varies with what the page cache holds (the first one after generating a
  // repository costs several times more): the median of the runs.
  const worktreeAdd = await medianOf(runs, async () => {
    const target = join(home, `worktree-${Date.now()}`);
    const result = await measure('git', ['worktree', 'add', '-q', '--detach', target, 'HEAD'], repos[largest]);
    removeWorktree(repos[largest], target);
    return result;
  });
  row(`warm edit / git worktree add, ${largest} files`, times(ratio(edits[largest].warm.cpu, worktreeAdd.cpu)), '≤ 0.25×', ratio(edits[largest].warm.cpu, worktreeAdd.cpu) <= 0.25);

  const historyEdit = await editCost(history80k);
  const historyWorktree = await medianOf(runs, async () => {
    const target = join(home, `worktree-${Date.now()}`);
    const result = await measure('git', ['worktree', 'add', '-q', '--detach', target, 'HEAD'], history80k);
    removeWorktree(history80k, target);
    return result;
  });
  row(`cold edit / git worktree add, ${historyCommits}-commit history of 5k files`, times(ratio(historyEdit.cold.cpu, historyWorktree.cpu)), '≤ 1×', ratio(historyEdit.cold.cpu, historyWorktree.cpu) <= 1);

  // The first run in an existing repository reads its history once to build the index.
  forgetAgentIndex(history80k);
  const firstLog80k = await litecode(history80k, ['log']);
  console.log(`  first git litecode log on the ${historyCommits}-commit history (builds the index once): ${firstLog80k.cpu.toFixed(2)} s CPU`);
  resetAgentState(history80k);
  resetAgentState(history100);
  const log80k = await againstNode(history80k, ['log']);
  const log100 = await medianOf(runs, () => litecode(history100, ['log']));
  row(`log, ${historyCommits} commits / 100 commits`, times(ratio(log80k.cpu, log100.cpu)), '≤ 1.2×', ratio(log80k.cpu, log100.cpu) <= 1.2);
  row(`log, ${historyCommits} commits / node -e ''`, `${times(log80k.ratio)} (${log80k.cpu.toFixed(3)} s)`, '≤ 2×', log80k.ratio <= 2);

  // Light commands on the 200-file repository, with one agent commit to show. The edits timed
  // above left agent commits whose branches this bench deleted by hand (indexed, on no branch):
  // for those, log and show ask git once more whether an agent branch reaches them (about 4 ms),
  // which a repository with one agent commit does not pay. Start from none.
  const small = repos[200];
  forgetAgentIndex(small);
  await litecode(small, [editRequest]);
  for (const [name, args] of [['log', ['log']], ['status', ['status']], ['show', ['show']], ['config', ['config']]]) {
    const cost = await againstNode(small, args);
    row(`${name} / node -e ''`, `${times(cost.ratio)} (${(cost.cpu * 1000).toFixed(0)} ms)`, '≤ 2×', cost.ratio <= 2);
  }

  row(`peak memory, warm edit, ${largest} / 200 files`, `${times(ratio(edits[largest].warm.rssMiB, edits[200].warm.rssMiB))} (${edits[largest].warm.rssMiB.toFixed(0)} / ${edits[200].warm.rssMiB.toFixed(0)} MiB)`, '≤ 1.3×', ratio(edits[largest].warm.rssMiB, edits[200].warm.rssMiB) <= 1.3);

  for (const files of sizes) {
    const tokens = await promptTokensOfOneEdit(repos[files]);
    row(`prompt tokens, one-file edit naming its file, ${files} files`, `${tokens.total} (plan call ${tokens.plan})`, 'plan call ≤ 1,500', tokens.plan <= 1500);
  }
  for (const dir of [...Object.values(repos), history80k, history100]) forgetAgentIndex(dir);

  const above = rows.filter((entry) => entry.ok === false);
  console.log(`\n${rows.length} figures, ${above.length} above goal${above.length ? `: ${above.map((entry) => entry.figure).join('; ')}` : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await server.close();
  for (const folder of trash) rmSync(folder, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
