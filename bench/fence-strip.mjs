#!/usr/bin/env node
// Reply-cleaning figures: the fence-stripping corpus's exact-match rate, and the permissive JSON
// parser over the generated damaged-reply corpus (recovered per step, refused, wrongly accepted),
// each against a naive baseline in the same run. Imports TypeScript, so run it through tsx:
//   node --import tsx bench/fence-strip.mjs
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { jsonrepair } from 'jsonrepair';
import { stripCodeReply } from '../src/model/fence-strip.ts';
import { parsePermissive } from '../src/model/structured-reply-parser.ts';
import { fenceCases, generatedFenceCases } from '../test/fixtures/fence-cases.ts';
import { damagedReplies } from '../test/fixtures/damaged-replies.ts';

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** What most tools do: take the inside of the first fence, else the reply. */
function naiveStrip(reply) {
  const match = /```[^\n]*\n([\s\S]*?)```/.exec(reply);
  return { ok: true, content: match ? match[1] : reply };
}

function fenceMatches(result, expected) {
  if ('reason' in expected) return !result.ok;
  return result.ok && result.content === expected.content;
}

function timePerCall(run, rounds) {
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

// Fence stripping.
for (const [label, cases] of [
  ['hand-written table', fenceCases],
  ['generated (6 files × 20 wrappings)', generatedFenceCases()],
]) {
  const hits = cases.filter((item) => fenceMatches(stripCodeReply(item), item.expected)).length;
  const naiveHits = cases.filter((item) => fenceMatches(naiveStrip(item.reply), item.expected)).length;
  const milliseconds = timePerCall(() => cases.forEach((item) => stripCodeReply(item)), 50);
  console.log(`fence stripping, ${label}: ${cases.length} cases`);
  console.log(`  exact match        ${hits}/${cases.length} (${percent(hits, cases.length)})`);
  console.log(`  naive baseline     ${naiveHits}/${cases.length} (${percent(naiveHits, cases.length)}) — first fence's inside, else the reply`);
  console.log(`  median time        ${((milliseconds * 1000) / cases.length).toFixed(1)} µs per reply`);
}

// Structured output.
function tally(parse) {
  const counts = { direct: 0, permissive: 0, refused: 0, refusedRecoverable: 0, wronglyAccepted: 0 };
  const wrong = [];
  for (const { good, damage, wrapping, reply } of replies) {
    const outcome = parse(reply, good.schema);
    if (!outcome.ok) {
      counts.refused += 1;
      if (damage.expect === 'recover') counts.refusedRecoverable += 1;
      continue;
    }
    const right = damage.expect === 'recover' && isDeepStrictEqual(outcome.value, good.schema.parse(good.value));
    if (!right) {
      counts.wronglyAccepted += 1;
      wrong.push(`${good.name} / ${damage.name} / ${wrapping}`);
    } else counts[outcome.step] += 1;
  }
  return { counts, wrong };
}

/** "Used alone, jsonrepair turns prose into the wrong shape": the baseline the issue warns about. */
function jsonrepairAlone(raw, schema) {
  try {
    const result = schema.safeParse(JSON.parse(jsonrepair(raw)));
    return result.success ? { ok: true, value: result.data, step: 'permissive' } : { ok: false };
  } catch {
    return { ok: false };
  }
}

const replies = damagedReplies();
const mustRefuse = replies.filter((item) => item.damage.expect === 'refuse').length;
const ours = tally(parsePermissive);
const baseline = tally(jsonrepairAlone);
const parseMs = timePerCall(() => replies.forEach(({ good, reply }) => parsePermissive(reply, good.schema)), 20);
const report = (label, { counts }) => {
  const total = replies.length;
  console.log(`  ${label}`);
  console.log(`    recovered direct     ${counts.direct} (${percent(counts.direct, total)})`);
  console.log(`    recovered permissive ${counts.permissive} (${percent(counts.permissive, total)})`);
  console.log(`    refused              ${counts.refused} (${percent(counts.refused, total)}; ${counts.refusedRecoverable} of them recoverable)`);
  console.log(`    wrongly accepted     ${counts.wronglyAccepted}`);
};
console.log(`structured output: ${replies.length} damaged replies (${replies.length - mustRefuse} recoverable, ${mustRefuse} must be refused)`);
report('parsePermissive (fences → first balanced value → jsonrepair → zod)', ours);
report('baseline: jsonrepair alone → zod', baseline);
console.log(`  median time          ${((parseMs * 1000) / replies.length).toFixed(1)} µs per reply`);
if (ours.wrong.length > 0) {
  console.log(`  WRONG ACCEPTANCES:\n    ${ours.wrong.join('\n    ')}`);
  process.exitCode = 1;
}
