#!/usr/bin/env node
// Figures for the file-kind checks: every kind × every damage shape in the reply corpus
// (test/fixtures/file-kind-replies.ts), run through the reply path of an edit: fence stripping,
// newline restoration, then the output checks. Counts what is refused and what lands, against the
// same corpus run through an earlier build when BEFORE_DIST=<its dist dir> is set (the build
// before the file-kind checks, commit 6e57c83, landed 40 of the 45 damaged replies).
// Goals: damaged replies landed 0; good replies landed byte-exact 100%.
//   node --import tsx bench/file-kinds.mjs   (bench/run-all.mjs does this; build dist/ first)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kindCases } from '../test/fixtures/file-kind-replies.ts';

async function pipelineFrom(dist) {
  const checks = await import(pathToFileURL(join(dist, 'guard/output-checks.js')).href);
  const fences = await import(pathToFileURL(join(dist, 'model/fence-strip.js')).href);
  /** The reply path of edit-file.ts, minus the model call. Returns the content that would be committed, or undefined. */
  return async (kindCase, reply) => {
    const stripped = fences.stripCodeReply({ reply, targetPath: kindCase.path, original: kindCase.original });
    if (!stripped.ok) return { landed: undefined, check: stripped.reason };
    const content = checks.restoreNewlineConvention(kindCase.original, stripped.content);
    const report = await checks.checkProposedFile({
      path: kindCase.path,
      original: kindCase.original,
      proposed: content,
      instruction: kindCase.instruction,
      doneReason: 'stop',
      intendedSymbols: kindCase.symbols,
      mayRemoveSymbols: false,
      otherFiles: [],
    });
    return report.failure ? { landed: undefined, check: report.failure.check } : { landed: content, check: undefined };
  };
}

/** Lockfiles are refused by the plan check before any model call; main had no such refusal. */
async function planRefuses(dist, kindCase) {
  const path = join(dist, 'syntax/kinds/generated-files.js');
  if (!existsSync(path) || !existsSync(join(dist, 'guard/generated-file-check.js'))) return false;
  const { generatedFileFor } = await import(pathToFileURL(path).href);
  return generatedFileFor(kindCase.path) !== undefined;
}

async function measure(dist) {
  const run = await pipelineFrom(dist);
  const rows = [];
  for (const kindCase of kindCases) {
    const refusedByPlan = await planRefuses(dist, kindCase);
    for (const good of kindCase.good) {
      const outcome = refusedByPlan ? { landed: undefined, check: 'plan' } : await run(kindCase, good.proposed);
      rows.push({ kind: kindCase.kind, name: good.name, good: true, landed: outcome.landed !== undefined, exact: outcome.landed === good.proposed, check: outcome.check });
    }
    for (const damaged of kindCase.damaged) {
      const outcome = refusedByPlan ? { landed: undefined, check: 'plan' } : await run(kindCase, damaged.proposed);
      rows.push({ kind: kindCase.kind, name: damaged.name, good: false, owner: damaged.owner, landed: outcome.landed !== undefined, check: outcome.check });
    }
  }
  return rows;
}

function summarise(label, rows) {
  const good = rows.filter((row) => row.good);
  const damaged = rows.filter((row) => !row.good);
  const exact = good.filter((row) => row.exact).length;
  const landed = damaged.filter((row) => row.landed);
  const ownLanded = landed.filter((row) => row.owner === 'kind');
  console.log(
    `${label.padEnd(22)} damaged: ${damaged.length - landed.length} refused, ${landed.length} landed` +
      ` (${ownLanded.length} of the ${damaged.filter((row) => row.owner === 'kind').length} this layer owns)` +
      `; good: ${exact}/${good.length} landed byte-exact (${((100 * exact) / Math.max(1, good.length)).toFixed(0)}%)`,
  );
  return { landed, good, exact };
}

const afterDist = resolve('dist');
const beforeDist = process.env.BEFORE_DIST;
const after = await measure(afterDist);

console.log(`${kindCases.length} kinds, ${after.filter((row) => !row.good).length} damaged and ${after.filter((row) => row.good).length} good replies`);
console.log('\nkind                     damaged refused / landed   good byte-exact');
const kinds = [...new Set(after.map((row) => row.kind))];
for (const kind of kinds) {
  const rows = after.filter((row) => row.kind === kind);
  const damaged = rows.filter((row) => !row.good);
  const good = rows.filter((row) => row.good);
  const checks = [...new Set(damaged.filter((row) => !row.landed).map((row) => row.check))].join(',');
  console.log(`  ${kind.padEnd(24)} ${String(damaged.filter((row) => !row.landed).length).padStart(3)} / ${String(damaged.filter((row) => row.landed).length).padEnd(3)} ${`(${checks})`.padEnd(24)} ${good.filter((row) => row.exact).length}/${good.length}`);
}
console.log('');
let beforeSummary;
if (beforeDist && existsSync(join(beforeDist, 'guard/output-checks.js'))) beforeSummary = summarise(`before (${beforeDist})`, await measure(beforeDist));
else console.log('before: set BEFORE_DIST=<dist dir of an earlier build> to compare; the build before the file-kind checks (6e57c83) landed 40 of the 45 damaged replies');
const afterSummary = summarise('after (this build)', after);
for (const row of afterSummary.landed) console.log(`  landed: ${row.kind}: ${row.name}${row.owner === 'generic' ? ' (a language-free check catches this)' : ''}`);
for (const row of afterSummary.good.filter((candidate) => !candidate.exact)) console.log(`  good reply not landed byte-exact: ${row.kind}: ${row.name} (${row.check ?? 'changed'})`);
if (beforeSummary) void beforeSummary;
if (afterSummary.landed.some((row) => row.owner === 'kind') || afterSummary.exact < afterSummary.good.length) process.exitCode = 1;
