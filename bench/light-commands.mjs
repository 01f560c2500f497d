#!/usr/bin/env node
// Start-up cost of the commands people run most, as the CPU time of the whole process (node,
// yargs, our modules and every git child), relative to `node -e ''` measured in the same rounds.
// Goal (issue 11): each ≤ 2×. A fixture repository with a couple of agent commits, built here;
// `log` also on an 80k-commit history when one was generated (bench/command-cost.mjs makes it).
// Runs are interleaved: each round runs every command once, so load on the machine hits all alike.
// --base <checkout> times another checkout's built CLI in the same rounds (e.g. main's, to compare).
//   node bench/light-commands.mjs [runs] [--base <checkout>] [--history <repository>]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCacheRoot, median } from './bench-helpers.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args.splice(index, 2)[1];
};
const baseCheckout = option('--base');
const root = fileURLToPath(new URL('..', import.meta.url));
const history = option('--history') ?? join(benchCacheRoot, 'repos/history-5000-files-80000');
const runs = Number(args[0] ?? 11);
const bins = { '': join(root, 'bin/git-litecode.mjs'), ...(baseCheckout ? { 'base ': join(resolve(baseCheckout), 'bin/git-litecode.mjs') } : {}) };
const home = mkdtempSync(join(tmpdir(), 'litecode-bench-home-'));
const repo = mkdtempSync(join(tmpdir(), 'litecode-bench-light-'));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GIT_|LITECODE_|OLLAMA_|GROQ_)/.test(key))),
  HOME: home,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
  GIT_PAGER: 'cat',
  NO_COLOR: '1',
};
writeFileSync(env.GIT_CONFIG_GLOBAL, '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });

git('init', '-q');
writeFileSync(join(repo, 'api.js'), 'export function fetchUser() {}\n');
git('add', '.');
git('commit', '-q', '-m', 'initial');
for (const [index, request] of ['add retry to fetchUser', 'also add a timeout'].entries()) {
  if (index === 0) git('checkout', '-q', '-b', 'litecode/add-retry');
  writeFileSync(join(repo, 'api.js'), `export function fetchUser() { /* ${request} */ }\n`);
  git('commit', '-q', '-a', '-m', `Did: ${request}.\n\nRequest: ${request}\n\nLitecode-Kind: ${index ? 'followup' : 'edit'}\nLitecode-Request: ${request}\nLitecode-File: api.js ${request}\nAssisted-by: git-litecode:ollama/qwen2.5-coder:7b`);
}
git('checkout', '-q', 'main');

/** CPU seconds (user + system) of `command` and all its children, from bash's `times`. */
function cpuSeconds(command, cwd) {
  const script = `${command.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ')} >/dev/null 2>&1; times`;
  const output = spawnSync('bash', ['-c', script], { cwd, env, encoding: 'utf8' }).stdout.trim().split('\n');
  const children = output[output.length - 1].match(/(\d+)m([\d.]+)s/g).map((time) => {
    const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(time);
    return Number(minutes) * 60 + Number(seconds);
  });
  return children[0] + children[1];
}

const nodeAlone = { label: "node -e ''", command: [process.execPath, '-e', ''], cwd: repo };
const measured = [nodeAlone];
for (const [prefix, bin] of Object.entries(bins)) {
  for (const command of [['log'], ['status'], ['show'], ['config'], ['--version']]) {
    measured.push({ label: `${prefix}git litecode ${command.join(' ')}`, command: [process.execPath, bin, ...command], cwd: repo });
  }
  if (existsSync(history)) {
    // The first run builds the agent-commit index; the timed runs read it, as a user's do.
    spawnSync(process.execPath, [bin, 'log'], { cwd: history, env, stdio: 'ignore' });
    measured.push({ label: `${prefix}git litecode log, 80k-commit history`, command: [process.execPath, bin, 'log'], cwd: history });
  }
}
const samples = measured.map(() => []);
for (let run = 0; run < runs; run++) measured.forEach(({ command, cwd }, index) => samples[index].push(cpuSeconds(command, cwd)));

const base = median(samples[0]);
console.log(`light commands, median CPU of ${runs} interleaved runs (user+sys, node and git children), vs node -e '' = ${(base * 1000).toFixed(0)} ms`);
if (!existsSync(history)) console.log(`  (no 80k-commit history at ${history}: bench/command-cost.mjs generates it)`);
measured.forEach(({ label }, index) => {
  if (index === 0) return;
  const cpu = median(samples[index]);
  console.log(`  ${label.padEnd(48)} ${(cpu * 1000).toFixed(0).padStart(5)} ms  ${(cpu / base).toFixed(2)}×  (goal ≤ 2×)`);
});
rmSync(repo, { recursive: true, force: true });
rmSync(home, { recursive: true, force: true });
