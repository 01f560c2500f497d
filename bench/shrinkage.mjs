#!/usr/bin/env node
// Measures the shrinkage check's thresholds (run: node --import tsx bench/shrinkage.mjs [repo]).
// Good edits: every modified text file in the history of a repository (this one by default):
// real, reviewed changes. Damaged replies, built from each "before" file of those edits: the
// reply holds only the lines the good edit added (the model sent the changed part alone), the
// first 40% of the file (cut off without a syntax error to show it), one sentence of prose.
// Prints, for each candidate threshold, how many good edits it would refuse and how many
// damaged replies it would let through. Only edits whose commit subject has no removal word
// count as good: the check never runs on those that do.
import { execFileSync } from 'node:child_process';
import { diffLines } from 'diff';
import { removalWords } from '../src/guard/shrinkage-check.ts';

const repo = process.argv[2] ?? process.cwd();
const git = (args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const textFile = /\.(?:[cm]?[jt]sx?|py|go|rs|rb|java|md|json|ya?ml|toml|ini|cfg|txt|sh|css|html|mjs)$/;
const nonBlank = (text) => text.split('\n').filter((line) => line.trim() !== '').length;

const good = [];
const damaged = [];
for (const commit of git(['rev-list', '--no-merges', 'HEAD']).split('\n').filter(Boolean)) {
  const subject = git(['log', '-1', '--format=%s', commit]).trim();
  const parents = git(['rev-list', '--parents', '-n', '1', commit]).trim().split(' ').slice(1);
  if (parents.length !== 1) continue;
  for (const row of git(['diff-tree', '-r', '--no-commit-id', '--diff-filter=M', '--name-only', parents[0], commit]).split('\n').filter(Boolean)) {
    if (!textFile.test(row)) continue;
    const before = git(['show', `${parents[0]}:${row}`]);
    const after = git(['show', `${commit}:${row}`]);
    if (nonBlank(before) === 0) continue;
    if (!removalWords.test(subject)) good.push({ before: nonBlank(before), after: nonBlank(after) });
    const added = diffLines(before, after).filter((part) => part.added).map((part) => part.value).join('');
    const lines = before.split('\n');
    damaged.push({ shape: 'changed part only', before: nonBlank(before), after: nonBlank(added) });
    damaged.push({ shape: 'first 40%', before: nonBlank(before), after: nonBlank(lines.slice(0, Math.ceil(lines.length * 0.4)).join('\n')) });
    damaged.push({ shape: 'one sentence', before: nonBlank(before), after: 1 });
  }
}

const refused = ({ before, after }, share, minimum) => before - after >= minimum && (before - after) / before > share;
console.log(`good edits (no removal word in the subject): ${good.length}; damaged replies: ${damaged.length}`);
console.log('share  min  good refused   damaged landed (changed part / first 40% / one sentence)');
for (const share of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  for (const minimum of [2, 3, 5, 10]) {
    const falseRefusals = good.filter((edit) => refused(edit, share, minimum)).length;
    const landed = (shape) => damaged.filter((reply) => reply.shape === shape && !refused(reply, share, minimum)).length;
    const total = (shape) => damaged.filter((reply) => reply.shape === shape).length;
    console.log(
      `${share.toFixed(1)}   ${String(minimum).padStart(3)}  ${String(falseRefusals).padStart(4)} (${((100 * falseRefusals) / good.length).toFixed(1)}%)   ` +
        ['changed part only', 'first 40%', 'one sentence'].map((shape) => `${landed(shape)}/${total(shape)}`).join(' / '),
    );
  }
}
const shares = good.map(({ before, after }) => (before - after) / before).sort((a, b) => b - a);
console.log(`largest share of lines lost by a good edit: ${(100 * shares[0]).toFixed(0)}%; 99th percentile: ${(100 * shares[Math.floor(shares.length / 100)]).toFixed(0)}%`);
