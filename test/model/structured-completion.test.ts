import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Plan } from '../../src/agent/plan-schema.js';
import { damageJson } from '../../src/fake-model/damage.js';
import { createModelClient, readTranscript, type ModelEvent } from '../../src/model/model-client.js';
import { StructuredOutputError } from '../../src/model/model-errors.js';
import { startFakeModel } from '../support/fake-model.js';
import { makeRepository, useHermeticProcessEnv } from './model-test-repository.js';

const env = useHermeticProcessEnv();
const messages = [
  { role: 'system' as const, content: 'Plan the change as JSON.' },
  { role: 'user' as const, content: 'add retry to fetchUser' },
];
const intended = {
  kind: 'edit' as const,
  synthesis: 'Add retry to fetchUser.',
  tasks: [{ file: 'app.js', action: 'modify' as const, symbols: ['fetchUser'], instruction: 'retry three times' }],
};

async function plan(script: Parameters<typeof startFakeModel>[0], repository?: Awaited<ReturnType<typeof makeRepository>>['repository']) {
  const fake = await startFakeModel(script);
  try {
    const events: ModelEvent[] = [];
    const client = await createModelClient({ settings: fake.settings(), runId: 'plan-run', onEvent: (event) => events.push(event), ...(repository ? { repository } : {}) });
    const outcome = await client.completeStructured({ purpose: 'plan', messages, schema: Plan, schemaName: 'plan' }).catch((error) => error);
    return { outcome, requests: fake.chatRequests(), events };
  } finally {
    await fake.close();
  }
}

test('a valid constrained reply is accepted at the first step, with the schema as Ollama format and num_predict set', async () => {
  const { outcome, requests, events } = await plan([{ content: JSON.stringify(intended) }]);
  assert.is(outcome.parseStep, 'constrained');
  assert.equal(events.filter((event) => event.type === 'call-end').map((event) => (event as { parseStep?: string }).parseStep), ['constrained']);
  assert.equal(outcome.value, intended);
  assert.is(requests.length, 1);
  assert.is(requests[0]!.body.format.type, 'object');
  assert.ok(requests[0]!.body.format.properties.tasks);
  assert.is(requests[0]!.body.options.num_predict, 2048);
});

test('an invalid reply gets one retry that says why it failed; a valid retry is accepted as "retry"', async () => {
  const { outcome, requests } = await plan([{ content: JSON.stringify({ tasks: [{ file: 'app.js', action: 'rewrite' }] }) }, { content: JSON.stringify(intended) }]);
  assert.is(outcome.parseStep, 'retry');
  assert.equal(outcome.value, intended);
  assert.is(requests.length, 2);
  const retryText = requests[1]!.body.messages.at(-1).content as string;
  assert.match(retryText, /^Respond ONLY with valid JSON matching this schema/);
  assert.match(retryText, /the previous reply failed because: .*action/i);
});

test('when both replies are damaged but repairable, the permissive parser recovers the retry first', async () => {
  const { outcome } = await plan([{ content: damageJson('prose-around', { ...intended, synthesis: 'first' }) }, { content: damageJson('fence-and-prose', intended) }]);
  assert.is(outcome.parseStep, 'permissive');
  assert.equal(outcome.value, intended);
});

test('whitespace loops and truncated replies are failures, never parsed into a shorter plan', async () => {
  const { outcome } = await plan([
    { content: '{"kind": "edit", "tasks": [', failure: 'whitespace-loop' },
    { content: JSON.stringify(intended).slice(0, 60), failure: 'done-length' },
  ]);
  assert.instance(outcome, StructuredOutputError);
  assert.is(outcome.exitCode, 1);
});

test('prose with no JSON is refused, showing the raw reply truncated', async () => {
  const prose = `I think you should change app.js so that it retries. ${'Really. '.repeat(60)}`;
  const { outcome } = await plan([{ content: prose }, { content: prose }]);
  assert.instance(outcome, StructuredOutputError);
  assert.match(outcome.message, /did not return a valid plan/);
  assert.match(outcome.message, /I think you should change app\.js/);
  assert.ok(outcome.message.length < 600, `message length ${outcome.message.length}`);
  assert.ok(outcome.toOneLine().split('\n').length === 1);
});

test('the transcript records both calls and the step that worked', async () => {
  const fixture = await makeRepository(env);
  try {
    await plan([{ content: 'not json at all' }, { content: JSON.stringify(intended) }], fixture.repository);
    const records = await readTranscript(fixture.repository, 'plan-run');
    assert.is(records.length, 2);
    assert.is(records[0]!.parseStep, null);
    assert.match(records[0]!.error!, /invalid plan/);
    assert.is(records[1]!.parseStep, 'retry');
    assert.is(records[1]!.error, null);
  } finally {
    fixture.cleanup();
  }
});

test.run();
