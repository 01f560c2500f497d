#!/usr/bin/env node
// Figures for the code-understanding layer and the output checks (build first: npx tsc -p .).
// Prints medians; ratios are against a baseline measured in the same run, since the machine is noisy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeMs } from './bench-helpers.mjs';
import { outlineSymbols } from '../dist/syntax/outline.js';
import { renameIdentifier } from '../dist/syntax/identifier-rename.js';
import { outlineFilesCached } from '../dist/syntax/repo-map.js';
import { renderRepoMap } from '../dist/syntax/repo-map.js';
import { checkProposedFile } from '../dist/guard/output-checks.js';

const runs = Number(process.env.BENCH_RUNS ?? 9);

async function medianOf(run) {
  await run(); // warm-up: loads the grammar once
  const times = [];
  for (let index = 0; index < runs; index++) times.push(await timeMs(run));
  return median(times);
}

// A 1,200-line JavaScript file: 200 functions and 20 classes.
const functions = Array.from({ length: 200 }, (_, index) => `function handler${index}(request) {\n  const value = request.body[${index}];\n  return value ?? null;\n}\n`);
const classes = Array.from({ length: 20 }, (_, index) => `class Service${index} {\n  start() { return ${index}; }\n  stop() { return -${index}; }\n}\n`);
const large = [...functions, ...classes].join('\n');
const largeLines = large.split('\n').length;
const edited = large.replace('const value = request.body[42];', 'const value = request.body?.[42];');

const outlineMs = await medianOf(() => outlineSymbols('large.js', large));
const checkMs = await medianOf(() =>
  checkProposedFile({ path: 'large.js', original: large, proposed: edited, instruction: 'Make handler42 tolerate a missing body.', doneReason: 'stop', intendedSymbols: ['handler42'], mayRemoveSymbols: false, otherFiles: [] }),
);
const renameMs = await medianOf(() => renameIdentifier('large.js', large, 'handler42', 'handleRequest42'));
console.log(`large file: ${largeLines} lines, ${(large.length / 1024).toFixed(0)} KB`);
console.log(`  outline              median ${outlineMs.toFixed(1)} ms`);
console.log(`  all output checks    median ${checkMs.toFixed(1)} ms  (${(checkMs / outlineMs).toFixed(1)}x one outline)`);
console.log(`  rename identifier    median ${renameMs.toFixed(1)} ms`);

// Outline cache: a repository of zod's TypeScript sources, cold (empty cache) against warm.
const repository = mkdtempSync(join(tmpdir(), 'litecode-bench-guard-'));
try {
  execFileSync('cp', ['-r', 'node_modules/zod/src', join(repository, 'src')]);
  const git = (...args) => execFileSync('git', args, { cwd: repository, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }, maxBuffer: 256 * 1024 * 1024 });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  const listing = git('ls-tree', '-r', 'HEAD').toString().trim().split('\n').map((line) => {
    const [meta, path] = line.split('\t');
    return { path, objectId: meta.split(' ')[2] };
  });
  let reads = 0;
  const sources = listing.map((file) => ({ ...file, read: async () => (reads++, readFileSync(join(repository, file.path))) }));
  const gitDir = join(repository, '.git');
  const repo = { topLevel: repository, gitDir, commonDir: gitDir, objectFormat: 'sha1' };
  const coldMs = await timeMs(() => outlineFilesCached(repo, sources));
  const coldReads = reads;
  reads = 0;
  const warmTimes = [];
  let outlines;
  for (let index = 0; index < runs; index++) warmTimes.push(await timeMs(async () => (outlines = await outlineFilesCached(repo, sources))));
  const warmMs = median(warmTimes);
  const symbolCount = [...outlines.values()].reduce((sum, outline) => sum + outline.symbols.length, 0);
  console.log(`outline cache: ${listing.length} files, ${symbolCount} symbols`);
  console.log(`  cold  ${coldMs.toFixed(0)} ms, ${coldReads} blob reads`);
  console.log(`  warm  median ${warmMs.toFixed(0)} ms, ${reads} blob reads  (${(coldMs / warmMs).toFixed(1)}x faster)`);

  const files = listing.map((file) => ({ ...file, symbols: outlines.get(file.path).symbols, lineCount: outlines.get(file.path).lineCount }));
  const countWords = (text) => Math.ceil(text.length / 4);
  const mapMs = await medianOf(() => renderRepoMap({ request: 'add a describe() helper to ZodString in types.ts', files, maxTokens: 2000, countTokens: countWords }));
  const map = await renderRepoMap({ request: 'add a describe() helper to ZodString in types.ts', files, maxTokens: 2000, countTokens: countWords });
  console.log(`repo map: ${files.length} files into 2,000 tokens (chars/4): median ${mapMs.toFixed(1)} ms, ${map.split('\n').length} lines; first: ${map.split('\n')[0].slice(0, 90)}`);
} finally {
  rmSync(repository, { recursive: true, force: true });
}
