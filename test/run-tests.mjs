#!/usr/bin/env node
// Runs every test file in its own process (uvu through tsx), two at a time, and ends with
// the one summary line CI reads: "N passed, N failed". uvu's own summary is per file.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test');
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
const perFileTimeoutMs = Number(process.env.TEST_FILE_TIMEOUT_MS ?? 240_000);
const filter = process.argv[2];

function findTestFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTestFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(timed out after ${perFileTimeoutMs} ms)\n`;
      child.kill('SIGKILL');
    }, perFileTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const count = (label) => Number(output.match(new RegExp(`${label}:\\s+(\\d+)`))?.[1] ?? 0);
      const total = count('Total');
      const passed = count('Passed');
      const skipped = count('Skipped');
      let failed = total - passed - skipped;
      if (code !== 0 && failed === 0) failed = 1; // crashed before or after its tests
      resolve({ file, passed, failed, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const files = findTestFiles(testDir).filter((file) => !filter || file.includes(filter));
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, files.length) }, async () => {
    while (next < files.length) {
      const result = await runFile(files[next++]);
      results.push(result);
      const name = relative(root, result.file);
      console.log(`${result.failed ? 'FAIL' : 'ok  '} ${name}  ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(1)} s)`);
      if (result.failed) console.log(result.output.replace(/^/gm, '    | '));
    }
  }),
);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
