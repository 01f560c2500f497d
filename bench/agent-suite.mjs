#!/usr/bin/env node
// The agent benchmark: the real pipeline (runRequest, in-process) on fresh copies of the fixture
// repositories, against the scripted fake model, under failure profiles modelled on the field
// notes the project starts from (see bench/README.md). Every reply is damaged at random by a
// seeded PRNG, so a run is deterministic. Prints per profile: success, clean-refusal and corrupt
// rates (corrupt must be 0), model calls and tokens per task and a modelled laptop time; then
// the large file's completion tokens in symbol mode against whole-file mode.
// Needs a build (npx tsc -p .).
// Trials run two at a time by default (each worker has its own fake server); every trial draws
// from its own seed, so the figures do not depend on the interleaving.
//   node bench/agent-suite.mjs [--trials 8] [--seed 4] [--workers 2] [--profile codellama] [--task large] [--verbose]
import { suiteRoot } from './agent-suite/hermetic-process.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRepoFromFolder } from '../fixtures-repos/build.mjs';
import { startFakeModelServer } from '../dist/fake-model/fake-model-server.js';
import { failureProfiles, trialSeed } from './agent-suite/profiles.mjs';
import { printDamageTable, printLargeFileComparison, printProfileTable, printSummary, printTrialProblems } from './agent-suite/report.mjs';
import { runTrial } from './agent-suite/run-trial.mjs';
import { largeFileTaskId, suiteTasks } from './agent-suite/tasks.mjs';

const { values: options } = parseArgs({
  options: {
    trials: { type: 'string', default: '8' },
    seed: { type: 'string', default: '4' },
    profile: { type: 'string', default: '' },
    task: { type: 'string', default: '' },
    workers: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
  },
});
const trials = Number(options.trials);
const baseSeed = Number(options.seed);
const profiles = failureProfiles.filter((profile) => profile.name.includes(options.profile));
const tasks = suiteTasks.filter((task) => task.id.includes(options.task));

/** The context a 7B model gets on Ollama in 8 GB: the brief's 8k. */
const laptopSettings = { provider: 'ollama', model: 'qwen2.5-coder:7b', context: 8192, outputReserve: 2048, timeoutSeconds: 30 };

const servers = await Promise.all(Array.from({ length: Math.max(1, Number(options.workers)) }, () => startScriptableServer()));
const templates = buildTemplates(new Set(tasks.map((task) => task.fixture)));
let trialNumber = 0;
const nextRepository = () => join(suiteRoot, `trial-${(trialNumber += 1)}`);

const started = Date.now();
try {
  console.log(`agent suite: ${tasks.length} tasks × ${profiles.length} profiles × ${trials} trials, seed ${baseSeed}, context ${laptopSettings.context}, output reserve ${laptopSettings.outputReserve}`);
  console.log('laptop time is modelled: prompt tokens / 150 per second + completion tokens / 12 per second; figures are means per task run\n');
  const jobs = profiles.flatMap((profile) =>
    tasks.flatMap((task) => Array.from({ length: trials }, (_, trial) => ({ profile, task, trial, seed: trialSeed(baseSeed, profile.name, task.id, String(trial)) }))),
  );
  const results = await runJobs(jobs);
  for (const profile of profiles) printProfileTable(profile.name, results.filter((result) => result.profile === profile.name), tasks);
  printSummary(results, profiles);
  printDamageTable(results);
  printTrialProblems(results, options.verbose);

  const largeTask = suiteTasks.find((task) => task.id === largeFileTaskId);
  if (tasks.includes(largeTask)) {
    const clean = failureProfiles.find((profile) => profile.name === 'clean');
    const modes = [];
    for (const [label, flags] of [
      ['symbol mode (context 8192, reserve 2048)', laptopSettings],
      ['whole-file mode (context 32768, reserve 8192)', { ...laptopSettings, context: 32768, outputReserve: 8192 }],
    ]) {
      const [server] = servers;
      const result = await runTrial({ task: largeTask, profile: clean, seed: baseSeed, template: templates[largeTask.fixture], repository: nextRepository(), server, settingsFlags: { ...flags, ollamaHost: server.url } });
      modes.push({ label, ...result });
    }
    printLargeFileComparison(largeTask, modes);
  }
  console.log(`\nwall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (results.some((result) => result.verdict === 'corrupt' || result.verdict === 'crash')) process.exitCode = 1;
} finally {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(suiteRoot, { recursive: true, force: true });
}

/** A fake model server whose replies come from the trial it currently serves. */
async function startScriptableServer() {
  let handler = () => ({ failure: 'http-500' });
  const fakeServer = await startFakeModelServer((request) => handler(request));
  return { url: fakeServer.url, setHandler: (next) => (handler = next), close: () => fakeServer.close() };
}

/** Runs the jobs on every server at once, one trial per server at a time; results in job order. */
async function runJobs(jobs) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    servers.map(async (server) => {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        const { profile, task, trial, seed } = jobs[index];
        const settingsFlags = { ...laptopSettings, ollamaHost: server.url };
        const result = await runTrial({ task, profile, seed, template: templates[task.fixture], repository: nextRepository(), server, settingsFlags });
        results[index] = { profile: profile.name, task: task.id, trial, seed, ...result };
      }
    }),
  );
  return results;
}

function buildTemplates(fixtures) {
  const built = {};
  for (const fixture of fixtures) {
    built[fixture] = buildRepoFromFolder({ fixture, target: join(suiteRoot, 'templates', fixture), env: process.env });
  }
  return built;
}
