#!/usr/bin/env node
// Commit time with git-litecode's pre-commit hook, per hook manager (plain git, husky 9,
// lefthook, the pre-commit framework), with the model down, hanging and slow, against the same
// commit without our hook. Medians of a few runs; litecode.hook.timeout = 3 s.
//   node --import tsx bench/hook-clients.mjs [runs]
import {
  clientRepo,
  huskyRepo,
  lefthookRepo,
  litecode,
  modelScenario,
  preCommitRepo,
  stageAndCommit,
} from '../test/handoff/hook-clients-fixture.ts';

const runs = Number(process.argv[2] ?? 3);
const limitSeconds = 3;
const cleanups = [];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function timeCommits(repository, env) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await stageAndCommit(repository, env);
    if (result.exitCode !== 0 || !result.landed) throw new Error(`the commit failed: ${result.stdout}${result.stderr}`);
    times.push(result.durationMs);
  }
  return median(times);
}

const clients = {
  'plain git': async () => {
    const repository = await clientRepo();
    cleanups.push(repository.cleanup);
    return { repository, withoutHook: {}, install: true };
  },
  'husky 9.1.7': async () => ({ repository: await huskyRepo(cleanups), withoutHook: {}, install: true }),
  'lefthook 2.2.1': async () => ({ repository: await lefthookRepo(cleanups), withoutHook: {}, install: true }),
  // The framework runs our hook from .pre-commit-config.yaml; SKIP is its own way to leave one out.
  'pre-commit 3.0.4 (framework)': async () => ({ repository: await preCommitRepo(cleanups), withoutHook: { SKIP: 'git-litecode-suggest' }, install: false }),
};

console.log(`commit time in ms, median of ${runs}; litecode.hook.timeout = ${limitSeconds} s`);
console.log(['client'.padEnd(30), 'no hook', 'down', 'hanging', 'slow'].join('\t'));
try {
  for (const [name, setup] of Object.entries(clients)) {
    const { repository, withoutHook, install } = await setup();
    const row = [name.padEnd(30), String(await timeCommits(repository, withoutHook))];
    if (install) {
      const installed = await litecode(repository, ['hook', 'install']);
      if (installed.exitCode !== 0) throw new Error(installed.stderr);
    }
    for (const scenarioName of ['down', 'hanging', 'slow']) {
      const scenario = await modelScenario(scenarioName, limitSeconds);
      try {
        row.push(String(await timeCommits(repository, scenario.env)));
      } finally {
        await scenario.close();
      }
    }
    console.log(row.join('\t'));
  }
} finally {
  cleanups.forEach((cleanup) => cleanup());
}
