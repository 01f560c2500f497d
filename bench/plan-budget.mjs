#!/usr/bin/env node
// Plan prompt size against what the plan needs: for every agent-suite task, the real plan call
// (requestPlan, the real model client, the scripted fake server) at a range of map budgets, on
// the fixture repository alone and with 10,000 filler files added to its map. A task is covered
// when every file its correct plan reads or changes is in the map, with every symbol the plan
// names on that file's line: what a model needs to plan it. The scripted model answers the same
// whatever the prompt, so coverage is the measure of plan accuracy we can take without a real
// model. Prints the curve, and the budget the agent uses (neighbourhoodMapTokens).
// Needs a build (npx tsc -p .).
//   node bench/plan-budget.mjs [--filler 10000]
import { suiteRoot } from './agent-suite/hermetic-process.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRepoFromFolder } from '../fixtures-repos/build.mjs';
import { neighbourhoodMapTokens, requestPlan } from '../dist/agent/plan-request.js';
import { RepositorySnapshot } from '../dist/agent/repository-snapshot.js';
import { startFakeModelServer } from '../dist/fake-model/fake-model-server.js';
import { discoverRepository } from '../dist/git/repository.js';
import { revParse } from '../dist/git/scratch-commit.js';
import { createModelClient } from '../dist/model/model-client.js';
import { suiteTasks } from './agent-suite/tasks.mjs';

const { values: options } = parseArgs({ options: { filler: { type: 'string', default: '10000' } } });
const fillerCount = Number(options.filler);
const budgets = [100, 200, 300, 400, 600, 800, 1200, 2000, Number.POSITIVE_INFINITY];

let currentPlan;
const server = await startFakeModelServer(() => ({ content: JSON.stringify(currentPlan) }));
const settings = {
  provider: 'ollama',
  model: 'qwen2.5-coder:7b',
  ollamaHost: server.url,
  groqApiKey: undefined,
  groqBaseUrl: undefined,
  context: 8192,
  outputReserve: 2048,
  keepAlive: '10m',
  timeoutSeconds: 30,
  parallel: 1,
  check: undefined,
  hookTimeoutSeconds: 20,
  hookBlock: false,
};

/** Filler files as a large repository's map lists them: the first 300 outlined, the rest by path. */
function fillerFiles(count) {
  return Array.from({ length: count }, (_, index) => ({
    path: `packages/p${Math.floor(index / 100)}/src/module${index}.js`,
    objectId: '0'.repeat(40),
    lineCount: 40,
    symbols:
      index < 300
        ? [{ name: `handle${index}`, kind: 'function', container: undefined, startLine: 1, endLine: 10, startIndex: 0, endIndex: 0, signature: `export function handle${index}(input)` }]
        : [],
  }));
}

function covered(task, map) {
  const lines = map.split('\n');
  return task.plan.tasks
    .filter((planned) => planned.action !== 'create')
    .every((planned) => {
      const line = lines.find((candidate) => candidate.startsWith(`${planned.file} (`));
      return line !== undefined && planned.symbols.every((symbol) => new RegExp(`[\\s,:{]${symbol}[(,}]|[\\s,:{]${symbol}$`).test(line));
    });
}

try {
  const repositories = {};
  for (const fixture of new Set(suiteTasks.map((task) => task.fixture))) {
    const target = join(suiteRoot, fixture);
    buildRepoFromFolder({ fixture, target, env: process.env });
    const repository = await discoverRepository(target);
    repositories[fixture] = await RepositorySnapshot.load(repository, await revParse(repository, 'HEAD'));
  }
  const client = await createModelClient({ settings, runId: 'plan-budget' });
  const filler = fillerFiles(fillerCount);
  const rows = [];
  for (const budget of budgets) {
    const row = { budget, plain: { tokens: [], covered: 0, missed: [] }, large: { tokens: [], covered: 0, missed: [] } };
    for (const task of suiteTasks) {
      currentPlan = task.plan;
      const files = await repositories[task.fixture].repoMapFiles(task.request);
      for (const [variant, mapFiles] of [['plain', files], ['large', [...files, ...filler]]]) {
        const before = server.requests.length;
        const result = await requestPlan({ request: task.request, memory: [], files: mapFiles, client }, { mapTokens: budget });
        const sent = server.requests.slice(before).find((request) => request.path === '/api/chat');
        row[variant].tokens.push(await client.countPromptTokens(sent.body.messages));
        if (covered(task, result.repoMap)) row[variant].covered += 1;
        else row[variant].missed.push(task.id);
      }
    }
    rows.push(row);
  }
  const mean = (values) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
  console.log(`plan call tokens (ours, margin ${client.budget.margin}) and coverage of the correct plan, ${suiteTasks.length} agent-suite tasks`);
  console.log(`map budget  | fixture: plan tokens  covered | + ${fillerCount} files: plan tokens (max)  covered`);
  for (const row of rows) {
    const label = Number.isFinite(row.budget) ? String(row.budget) : 'all room';
    const missed = [...new Set([...row.plain.missed, ...row.large.missed])];
    const marker = (row.budget === neighbourhoodMapTokens ? '  ← chosen (neighbourhoodMapTokens)' : '') + (missed.length ? `  missing: ${missed.join(', ')}` : '');
    console.log(
      `${label.padStart(10)}  | ${String(mean(row.plain.tokens)).padStart(19)}  ${`${row.plain.covered}/${suiteTasks.length}`.padStart(7)} | ${`${mean(row.large.tokens)} (${Math.max(...row.large.tokens)})`.padStart(29)}  ${`${row.large.covered}/${suiteTasks.length}`.padStart(7)}${marker}`,
    );
  }
} finally {
  await server.close();
  rmSync(suiteRoot, { recursive: true, force: true });
}
