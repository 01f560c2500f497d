#!/usr/bin/env node
// False refusals of the language-free checks on real files (run: node --import tsx bench/language-free-checks.mjs [folders]).
// Each text file under the folders is checked twice: as a create (no original) and as a modify
// whose original lacks the file's last line (so every line but one is "kept" and the checks
// that compare with the original still run). Real files are good replies: every refusal
// printed is a false one. Defaults: this repository and node_modules.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkEditFormat } from '../src/guard/edit-format-check.ts';
import { checkElision } from '../src/guard/elision-check.ts';
import { checkTalking } from '../src/guard/talking-check.ts';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['.'];
const limit = Number(process.env.BENCH_FILES ?? 6000);
const textFile = /\.(?:m?[jt]sx?|py|go|rs|rb|java|c|h|cpp|css|scss|html?|xml|svg|md|markdown|rst|txt|json|jsonc|ya?ml|toml|ini|cfg|conf|sh|bash|lua|sql|tex|mk|dockerfile)$|(?:^|\/)(?:Makefile|Dockerfile|README|LICENSE|CHANGELOG)[^/]*$/i;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    if (files.length >= limit) return;
    if (name === '.git') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else if (textFile.test(path) && stat.size > 0 && stat.size < 200_000) files.push(path);
  }
};
for (const root of roots) walk(root);

const checks = { talking: checkTalking, 'edit-format': checkEditFormat, elision: checkElision };
const refusals = Object.fromEntries(Object.keys(checks).map((name) => [name, 0]));
for (const path of files) {
  const proposed = readFileSync(path, 'utf8');
  if (proposed.includes('\0')) continue;
  const lines = proposed.trimEnd().split('\n');
  const original = lines.length > 1 ? `${lines.slice(0, -1).join('\n')}\n` : undefined;
  for (const [name, check] of Object.entries(checks)) {
    for (const variant of [undefined, original]) {
      const verdict = check({ path, original: variant, proposed, instruction: '', doneReason: undefined, intendedSymbols: [], mayRemoveSymbols: false, otherFiles: [] });
      if (verdict.ok) continue;
      refusals[name] += 1;
      console.log(`  ${name} (${variant === undefined ? 'create' : 'modify'}): ${verdict.message.slice(0, 170)}`);
    }
  }
}

// The same files damaged the ways small models damage replies: every one must be refused.
const damages = {
  'whole reply is chat': () => "I'm sorry, but I need to see the current contents of the file first. Could you please provide it?\n",
  'chat lead-in line': (text) => `Sure! Here is the updated file with the change.\n${text}`,
  'chat closing line': (text) => `${text.trimEnd()}\n\nLet me know if you need anything else!\n`,
  'SEARCH/REPLACE block': (text) => `<<<<<<< SEARCH\n${text.split('\n')[0]}\n=======\n${text.split('\n')[0]} \n>>>>>>> REPLACE\n`,
  'unified diff': (text) => `--- a/file\n+++ b/file\n@@ -1,1 +1,1 @@\n-${text.split('\n')[0]}\n+${text.split('\n')[0]} \n`,
  'elided tail': (text) => `${text.split('\n').slice(0, 3).join('\n')}\n... (rest of the file unchanged)\n`,
};
const landed = Object.fromEntries(Object.keys(damages).map((name) => [name, 0]));
let damagedFiles = 0;
for (const path of files) {
  const original = readFileSync(path, 'utf8');
  if (original.includes('\0') || original.trim() === '') continue;
  damagedFiles += 1;
  for (const [name, damage] of Object.entries(damages)) {
    const proposed = damage(original);
    const file = { path, original, proposed, instruction: '', doneReason: undefined, intendedSymbols: [], mayRemoveSymbols: false, otherFiles: [] };
    if (Object.values(checks).every((check) => check(file).ok)) {
      landed[name] += 1;
      if (process.env.VERBOSE) console.log(`  ${name} landed: ${path}`);
    }
  }
}
console.log(`damaged replies that no language-free check refused, of ${damagedFiles} files each: ${Object.entries(landed).map(([name, count]) => `${name} ${count}`).join(', ')}`);
console.log(`${files.length} real files, each as a create and as a modify: ${Object.entries(refusals).map(([name, count]) => `${name} ${count}`).join(', ')} refused`);
