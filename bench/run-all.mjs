#!/usr/bin/env node
// Runs every bench script in bench/ one after another (never in parallel: they time things),
// printing their output. A script is a top-level bench/*.mjs that starts with a shebang; the
// ones that import TypeScript sources run under `node --import tsx`. Builds dist/ first, since
// most scripts import it.
//   node bench/run-all.mjs [--no-build] [name-substring ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDirectory = join(root, 'bench');
const self = 'run-all.mjs';
const importsTypeScript = /(?:from\s+|import\s*\(\s*)['"][^'"]+\.ts['"]/;

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const filters = args.filter((arg) => !arg.startsWith('--'));

const scripts = readdirSync(benchDirectory)
  .filter((name) => name.endsWith('.mjs') && name !== self)
  .filter((name) => readFileSync(join(benchDirectory, name), 'utf8').startsWith('#!'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (build) {
  // As `npm run build`: tsc, then the CLI's start-up bundle that bin/git-litecode.mjs loads.
  console.log('== build: tsc -p . && node scripts/build-bundle.mjs');
  let compiled = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: root, stdio: 'inherit' });
  if (compiled.status === 0) compiled = spawnSync(process.execPath, [join(root, 'scripts/build-bundle.mjs')], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) {
    console.error('run-all: the build failed; fix it (npm run build) or pass --no-build to run against the existing dist/');
    process.exit(1);
  }
}

const failures = [];
for (const name of scripts) {
  const file = join(benchDirectory, name);
  const nodeArgs = importsTypeScript.test(readFileSync(file, 'utf8')) ? ['--import', 'tsx', file] : [file];
  console.log(`\n== ${name}${nodeArgs.length > 1 ? ' (through tsx)' : ''}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = run.status ?? `signal ${run.signal}`;
  console.log(`== ${name}: exit ${status} after ${seconds} s`);
  if (run.status !== 0) failures.push(`${name} (exit ${status})`);
}

console.log(`\n${scripts.length} bench scripts run${failures.length ? `; failed: ${failures.join(', ')}` : ', all exited 0'}`);
if (failures.length) process.exitCode = 1;
