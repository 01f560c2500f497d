#!/usr/bin/env node
// False refusals of the references check on real code (run: node --import tsx bench/references.mjs [folders]).
// Every JavaScript, TypeScript and Python file under the folders is checked as if a model had
// just created it: a good file uses only names it binds, imports or gets from the runtime, so
// every refusal printed is a false one (or code that really uses an undefined name).
// Defaults: this repository's src/ and test/, and the packages in node_modules/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferences } from '../src/guard/references-check.ts';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['src', 'test', 'node_modules'];
const limit = Number(process.env.BENCH_FILES ?? 3000);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    if (files.length >= limit) return;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else if (/\.(?:m?js|ts|tsx|py)$/.test(name) && !name.endsWith('.d.ts') && stat.size < 200_000) files.push(path);
  }
};
for (const root of roots) walk(root);

let refused = 0;
const names = new Map();
for (const path of files) {
  const proposed = readFileSync(path, 'utf8');
  const verdict = await checkReferences({ path, original: undefined, proposed, instruction: '', doneReason: undefined, intendedSymbols: [], mayRemoveSymbols: false, otherFiles: [] });
  if (verdict.ok) continue;
  refused += 1;
  console.log(`  ${verdict.message.slice(0, 160)}`);
  for (const name of /uses (.*?), which/.exec(verdict.message)?.[1]?.split(', ') ?? []) names.set(name, (names.get(name) ?? 0) + 1);
}
console.log(`references check on ${files.length} real files as creates: ${refused} refused (${((100 * refused) / Math.max(1, files.length)).toFixed(1)}%)`);
if (names.size) console.log(`names: ${[...names].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ×${count}`).join(', ')}`);
