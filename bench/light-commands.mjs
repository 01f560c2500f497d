#!/usr/bin/env node
// Start-up cost of the commands people run most, as the CPU time of the whole process (node,
// yargs, our modules and every git child), relative to `node -e ''` measured in the same run.
// Goal (issue 11): each ≤ 2×. A fixture repository with a couple of agent commits, built here.
//   node bench/light-commands.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-helpers.mjs';

const runs = Number(process.argv[2] ?? 11);
const bin = fileURLToPath(new URL('../bin/git-litecode.mjs', import.meta.url));
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
function cpuSeconds(command) {
  const script = `${command.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ')} >/dev/null 2>&1; times`;
  const output = spawnSync('bash', ['-c', script], { cwd: repo, env, encoding: 'utf8' }).stdout.trim().split('\n');
  const children = output[output.length - 1].match(/(\d+)m([\d.]+)s/g).map((time) => {
    const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(time);
    return Number(minutes) * 60 + Number(seconds);
  });
  return children[0] + children[1];
}

function measure(command) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(cpuSeconds(command));
  return median(samples);
}

const commands = [['log'], ['status'], ['show'], ['config'], ['--version']];
// Interleaved rounds would be fairer on a busy machine; medians of separate series are close enough here.
const base = measure([process.execPath, '-e', '']);
console.log(`light commands, median CPU of ${runs} runs (user+sys, node and git children), vs node -e '' = ${(base * 1000).toFixed(0)} ms`);
for (const command of commands) {
  const cpu = measure([process.execPath, bin, ...command]);
  console.log(`  git litecode ${command.join(' ').padEnd(10)} ${(cpu * 1000).toFixed(0).padStart(5)} ms  ${(cpu / base).toFixed(2)}×  (goal ≤ 2×)`);
}
rmSync(repo, { recursive: true, force: true });
rmSync(home, { recursive: true, force: true });
