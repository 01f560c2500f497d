// The suite's printed figures: plain-text tables, one row per task or profile.

const promptTokensPerSecond = 150;
const completionTokensPerSecond = 12;

export const laptopSeconds = (usage) => usage.promptTokens / promptTokensPerSecond + usage.completionTokens / completionTokensPerSecond;

const mean = (values) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '-');

function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const header = ['task', 'runs', 'success', 'refusal', 'corrupt', 'crash', 'calls', 'prompt tok', 'compl tok', 'laptop s'];

function row(label, results) {
  const count = (verdict) => results.filter((result) => result.verdict === verdict).length;
  return [
    label,
    results.length,
    percent(count('success'), results.length),
    percent(count('refusal'), results.length),
    percent(count('corrupt'), results.length),
    percent(count('crash'), results.length),
    mean(results.map((result) => result.usage.calls)).toFixed(2),
    Math.round(mean(results.map((result) => result.usage.promptTokens))),
    Math.round(mean(results.map((result) => result.usage.completionTokens))),
    mean(results.map((result) => laptopSeconds(result.usage))).toFixed(1),
  ];
}

export function printProfileTable(profileName, results, tasks) {
  const damaged = results.filter((result) => result.damages.some((damage) => !damage.endsWith(':none'))).length;
  console.log(`profile ${profileName}: ${results.length} runs, ${damaged} with at least one damaged reply`);
  const rows = tasks.map((task) => row(task.id, results.filter((result) => result.task === task.id)));
  console.log(table(header, [...rows, row('all tasks', results)]));
  console.log('');
}

export function printSummary(results, profiles) {
  console.log('summary (per task run)');
  const rows = profiles.map((profile) => {
    const mine = results.filter((result) => result.profile === profile.name);
    const replies = mine.flatMap((result) => result.damages);
    const damagedReplies = replies.filter((damage) => !damage.endsWith(':none')).length;
    const damagedRuns = mine.filter((result) => result.damages.some((damage) => !damage.endsWith(':none')));
    const recovered = damagedRuns.filter((result) => result.verdict === 'success').length;
    return [...row(profile.name, mine), `${damagedReplies}/${replies.length}`, damagedRuns.length ? `${recovered}/${damagedRuns.length}` : '-'];
  });
  console.log(table(['profile', ...header.slice(1), 'damaged replies', 'damaged runs ok'], rows));
}

export function printTrialProblems(results, verbose) {
  const problems = results.filter((result) => result.verdict === 'corrupt' || result.verdict === 'crash');
  const shown = verbose ? results.filter((result) => result.verdict !== 'success') : problems;
  if (problems.length === 0) console.log('\nno corrupt commit and no crash in any run');
  for (const result of shown) {
    console.log(`\n${result.verdict.toUpperCase()}: profile ${result.profile}, task ${result.task}, trial ${result.trial} (seed ${result.seed})`);
    console.log(`  damage: ${result.damages.join(', ')}`);
    console.log(`  ${result.detail.split('\n').join('\n  ')}`);
  }
  const refusals = results.filter((result) => result.verdict === 'refusal');
  if (refusals.length > 0) {
    const reasons = new Map();
    for (const result of refusals) {
      const reason = result.detail.replace(/^(\w+): /, '$1: ').replace(/\d+/g, 'N').slice(0, 110);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log('\nclean refusals by message:');
    for (const [reason, count] of [...reasons].sort((left, right) => right[1] - left[1])) console.log(`  ${String(count).padStart(3)}  ${reason}`);
  }
}

export function printLargeFileComparison(task, modes) {
  const path = Object.keys(task.expected)[0];
  console.log(`\nlarge file: ${task.id} (${path}, ${task.expected[path].split('\n').length - 1} lines), clean replies`);
  const rows = modes.map((mode) => [
    mode.label,
    mode.editModes.join(',') || '-',
    mode.verdict,
    mode.usage.calls,
    mode.usage.promptTokens,
    mode.usage.completionTokens,
    laptopSeconds(mode.usage).toFixed(1),
  ]);
  console.log(table(['run', 'edit mode', 'verdict', 'calls', 'prompt tok', 'compl tok', 'laptop s'], rows));
  const [symbol, whole] = modes;
  if (symbol && whole && symbol.usage.completionTokens > 0) {
    console.log(
      `completion tokens, whole-file / symbol: ${(whole.usage.completionTokens / symbol.usage.completionTokens).toFixed(1)}×; ` +
        `modelled laptop time, whole-file / symbol: ${(laptopSeconds(whole.usage) / laptopSeconds(symbol.usage)).toFixed(1)}×`,
    );
  }
}

/** Each damage kind: how many replies carried it, and how the runs that met it ended. */
export function printDamageTable(results) {
  const kinds = new Map();
  for (const result of results) {
    for (const damage of result.damages) {
      for (const kind of damageKinds(damage)) {
        const entry = kinds.get(kind) ?? { replies: 0, runs: [] };
        entry.replies += 1;
        kinds.set(kind, entry);
      }
    }
    for (const kind of new Set(result.damages.flatMap(damageKinds))) kinds.get(kind).runs.push(result);
  }
  const rows = [...kinds]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([kind, { replies, runs }]) => {
      const count = (verdict) => runs.filter((result) => result.verdict === verdict).length;
      return [kind, replies, runs.length, count('success'), count('refusal'), count('corrupt'), count('crash')];
    });
  console.log('\ndamage drawn, all profiles (a run can meet several kinds)');
  console.log(table(['damage', 'replies', 'runs', 'success', 'refusal', 'corrupt', 'crash'], rows));
}

/** `edit(src/api.js):elision+fence:prose-and-fence` → ['elision', 'fence']; `plan:json:truncated` → ['json:truncated']. */
function damageKinds(damage) {
  const body = damage.slice(damage.indexOf(':', damage.lastIndexOf(')') + 1) + 1);
  if (body === 'none' || body === 'unscripted') return [];
  return body.split('+').map((part) => (part.startsWith('fence:') ? 'fence' : part));
}
