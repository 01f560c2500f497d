#!/usr/bin/env node
// The structured-output pipeline end to end: the real completeStructured and ollama client
// against the fake server, over a corpus of damaged plan replies (good plans × damage kinds ×
// what the model does on the retry). Prints the share recovered at each step, the share
// refused, and wrong acceptances (a value that differs from the intended plan: must be 0).
// Needs a build (npx tsc -p .).
import { Plan } from '../dist/agent/plan-schema.js';
import { damageJson, jsonDamage, jsonDamageKinds } from '../dist/fake-model/damage.js';
import { startFakeModelServer } from '../dist/fake-model/fake-model-server.js';
import { createModelClient } from '../dist/model/model-client.js';

const plans = [
  { kind: 'edit', synthesis: 'Add retry to fetchUser.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'retry three times with backoff' }] },
  { kind: 'edit', synthesis: 'Rename validateToken to verifyToken.', tasks: [{ file: 'src/auth.ts', action: 'rename', symbols: ['validateToken'], new_name: 'verifyToken', instruction: 'rename the function and its uses' }] },
  { kind: 'question', synthesis: 'Explain the cache.', tasks: [{ file: 'lib/cache.py', action: 'read', symbols: [], instruction: 'read to answer' }] },
  {
    kind: 'edit',
    synthesis: 'Add a config loader and use it.',
    tasks: [
      { file: 'src/config.js', action: 'create', symbols: [], instruction: 'export loadConfig reading config.json' },
      { file: 'src/main.js', action: 'modify', symbols: ['main'], instruction: 'call loadConfig at start' },
    ],
  },
].map((plan) => Plan.parse(plan));

/** What the model sends on the retry: it obeys, repeats its mistake, or rambles. */
const retryBehaviours = {
  obeys: (plan) => ({ content: JSON.stringify(plan) }),
  repeats: (plan, kind) => replyFor(kind, plan),
  rambles: () => ({ content: 'Sorry, here is the plan: modify the file as requested.' }),
};

function replyFor(kind, plan) {
  if (kind === 'whitespace-tail') return { content: '{"kind": "edit",', failure: 'whitespace-loop' };
  if (kind === 'truncated') return { content: damageJson(kind, plan), failure: 'done-length' };
  return { content: damageJson(kind, plan) };
}

let current = [];
const server = await startFakeModelServer(() => current.shift() ?? { content: '' });
const settings = {
  provider: 'ollama', model: 'qwen2.5-coder:7b', ollamaHost: server.url, groqApiKey: undefined, groqBaseUrl: undefined,
  context: 8192, outputReserve: 2048, keepAlive: '10m', timeoutSeconds: 30, parallel: 1, check: undefined, hookTimeoutSeconds: 20, hookBlock: false,
};
const client = await createModelClient({ settings, runId: 'bench' });
const messages = [{ role: 'user', content: 'plan the change' }];

const counts = { constrained: 0, retry: 0, permissive: 0, refused: 0, wronglyAccepted: 0 };
const byKind = {};
let total = 0;
const started = performance.now();
for (const plan of plans) {
  for (const kind of jsonDamageKinds) {
    for (const [behaviour, retry] of Object.entries(retryBehaviours)) {
      current = [replyFor(kind, plan), retry(plan, kind)];
      total += 1;
      const row = (byKind[kind] ??= { constrained: 0, retry: 0, permissive: 0, refused: 0, wrong: 0 });
      try {
        const reply = await client.completeStructured({ purpose: 'plan', messages, schema: Plan, schemaName: 'plan' });
        counts[reply.parseStep] += 1;
        row[reply.parseStep] += 1;
        if (JSON.stringify(reply.value) !== JSON.stringify(plan)) {
          counts.wronglyAccepted += 1;
          row.wrong += 1;
          console.log(`WRONG: ${kind} / retry ${behaviour}: ${JSON.stringify(reply.value).slice(0, 120)}`);
        }
      } catch (error) {
        if (!/valid plan/.test(error.message)) throw error;
        counts.refused += 1;
        row.refused += 1;
      }
    }
  }
}
const elapsed = performance.now() - started;
await server.close();

const share = (n) => `${n} (${((100 * n) / total).toFixed(1)}%)`;
console.log(`structured output over ${total} replies (${plans.length} plans × ${jsonDamageKinds.length} damage kinds × ${Object.keys(retryBehaviours).length} retry behaviours), ${(elapsed / total).toFixed(1)} ms each`);
console.log(`  recovered at constrained: ${share(counts.constrained)}`);
console.log(`  recovered at retry:       ${share(counts.retry)}`);
console.log(`  recovered at permissive:  ${share(counts.permissive)}`);
console.log(`  refused:                  ${share(counts.refused)}`);
console.log(`  wrongly accepted:         ${counts.wronglyAccepted}`);
console.log('  per kind (constrained/retry/permissive/refused):');
for (const [kind, row] of Object.entries(byKind)) console.log(`    ${kind.padEnd(20)} ${row.constrained}/${row.retry}/${row.permissive}/${row.refused}${row.wrong ? `  WRONG ${row.wrong}` : ''}`);
if (counts.wronglyAccepted > 0) process.exitCode = 1;
