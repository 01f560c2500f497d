#!/usr/bin/env node
// tiktoken cost: first-count load time in fresh processes (against bare node start-up in the
// same run), then counting throughput over 100 KB of this repository's own source.
// Needs a build (npx tsc -p .). Prints medians; run on a quiet machine for stable figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const counterModule = join(root, 'dist/model/token-counter.js');
const runs = Number(process.env.BENCH_RUNS ?? 7);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function timeFreshProcess(script) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout.trim());
}

const loadScript = `
  const started = performance.now();
  const { countTextTokens } = await import(${JSON.stringify(counterModule)});
  await countTextTokens('warm up');
  process.stdout.write(String(performance.now() - started));
`;
const baselineScript = `
  const started = performance.now();
  await import('node:fs/promises');
  process.stdout.write(String(performance.now() - started));
`;
const loads = [];
const baselines = [];
for (let run = 0; run < runs; run++) {
  baselines.push(timeFreshProcess(baselineScript));
  loads.push(timeFreshProcess(loadScript));
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
let corpus = '';
for (const file of sourceFiles(join(root, 'src'))) corpus += readFileSync(file, 'utf8');
while (corpus.length < 100_000) corpus += corpus;
corpus = corpus.slice(0, 100_000);

const { countTextTokens } = await import(counterModule);
await countTextTokens('warm up');
const timings = [];
let tokens = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  tokens = await countTextTokens(corpus);
  timings.push(performance.now() - started);
}
const bytes = Buffer.byteLength(corpus);
const countMs = median(timings);
console.log(`tiktoken load + first count (fresh process, median of ${runs}): ${median(loads).toFixed(1)} ms (baseline dynamic import of node:fs: ${median(baselines).toFixed(2)} ms)`);
console.log(`counting ${(bytes / 1024).toFixed(0)} KB of TypeScript: ${tokens} tokens, median ${countMs.toFixed(1)} ms = ${(bytes / 1e6 / (countMs / 1000)).toFixed(2)} MB/s (${(bytes / tokens).toFixed(2)} bytes/token)`);
