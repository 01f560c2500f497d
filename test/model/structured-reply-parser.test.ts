import { isDeepStrictEqual } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import { Plan, PlanTask } from '../../src/agent/plan-schema.js';
import { extractFirstJsonObject } from '../../src/model/json-extract.js';
import { isWhitespaceLoop, parsePermissive, parseStrict } from '../../src/model/structured-reply-parser.js';
import { Classification, damagedReplies, goodValues } from '../fixtures/damaged-replies.js';

const plan = goodValues[0]!.value;
const planJson = JSON.stringify(plan, null, 2);

test('parseStrict accepts exact JSON that fits the schema', () => {
  assert.equal(parseStrict(planJson, Plan), { ok: true, value: Plan.parse(plan), step: 'direct' });
});

test('parseStrict repairs nothing: a trailing comma or a fence fails', () => {
  const trailingComma = parseStrict('{"tasks": [],}', Plan);
  assert.ok(!trailingComma.ok && /not valid JSON/.test(trailingComma.error), JSON.stringify(trailingComma));
  assert.is(parseStrict('```json\n' + planJson + '\n```', Plan).ok, false);
});

test('parseStrict names the failing field in one short line fit to feed back to a model', () => {
  const outcome = parseStrict('{"tasks": [{"file": "a.js", "action": "edit"}]}', Plan);
  assert.ok(!outcome.ok);
  if (outcome.ok) return;
  assert.match(outcome.error, /tasks\.0\.action/);
  assert.not.match(outcome.error, /\n/);
  assert.ok(outcome.error.length < 300, outcome.error);
});

test('parsePermissive reports "direct" when the reply needed no repair', () => {
  assert.equal(parsePermissive(planJson, Plan), { ok: true, value: Plan.parse(plan), step: 'direct' });
});

test('the damaged corpus: every recoverable reply gives back the exact value, every other one is refused', () => {
  const replies = damagedReplies();
  assert.ok(replies.length >= 200, `${replies.length} replies`);
  const failures: string[] = [];
  for (const { good, damage, wrapping, reply } of replies) {
    const outcome = parsePermissive(reply, good.schema);
    const label = `${good.name} / ${damage.name} / ${wrapping}`;
    if (damage.expect === 'refuse' && outcome.ok) failures.push(`accepted what must be refused: ${label}`);
    if (damage.expect === 'recover' && !outcome.ok) failures.push(`refused: ${label}: ${outcome.error}`);
    if (damage.expect === 'recover' && outcome.ok && !isDeepStrictEqual(outcome.value, good.schema.parse(good.value))) {
      failures.push(`recovered the wrong value: ${label}`);
    }
  }
  assert.equal(failures, []);
});

const permissiveCases: { name: string; reply: string; expected: unknown }[] = [
  { name: 'fences around JSON', reply: '```json\n{"synthesis": "s", "tasks": []}\n```', expected: { synthesis: 's', tasks: [] } },
  { name: 'prose before and after', reply: 'Plan:\n{"synthesis": "s", "tasks": []}\nHope that helps!', expected: { synthesis: 's', tasks: [] } },
  { name: 'trailing commas', reply: '{"synthesis": "s", "tasks": [],}', expected: { synthesis: 's', tasks: [] } },
  { name: 'single quotes', reply: "{'synthesis': 'it\\'s', 'tasks': []}", expected: { synthesis: "it's", tasks: [] } },
  { name: 'comments', reply: '{\n  // why\n  "synthesis": "s", /* done */\n  "tasks": []\n}', expected: { synthesis: 's', tasks: [] } },
  { name: 'unquoted keys', reply: '{synthesis: "s", tasks: []}', expected: { synthesis: 's', tasks: [] } },
  { name: 'smart quotes', reply: '{\u201csynthesis\u201d: \u201cs\u201d, \u201ctasks\u201d: []}', expected: { synthesis: 's', tasks: [] } },
  { name: 'braces and escaped quotes inside strings', reply: 'x {"synthesis": "a } \\" { b", "tasks": [],}', expected: { synthesis: 'a } " { b', tasks: [] } },
  {
    name: 'several objects: the first',
    reply: '{"synthesis": "first", "tasks": [],} {"synthesis": "second", "tasks": []}',
    expected: { synthesis: 'first', tasks: [] },
  },
  { name: 'JSON after a <think> holding a draft', reply: '<think>{"synthesis": "draft", "tasks": []}</think>\n{"synthesis": "final", "tasks": [],}', expected: { synthesis: 'final', tasks: [] } },
];

for (const permissiveCase of permissiveCases) {
  test(`parsePermissive recovers: ${permissiveCase.name}`, () => {
    assert.equal(parsePermissive(permissiveCase.reply, Plan), { ok: true, value: permissiveCase.expected, step: 'permissive' });
  });
}

test('parsePermissive turns Python constants into JSON ones', () => {
  const outcome = parsePermissive("{'kind': 'question', 'readOnly': True, 'reason': None}", Classification);
  assert.equal(outcome, { ok: true, value: { kind: 'question', readOnly: true, reason: null }, step: 'permissive' });
});

test('a truncated plan is refused, although jsonrepair alone would "repair" it into a shorter valid plan', () => {
  const cut = planJson.slice(0, planJson.indexOf('"symbols"'));
  assert.ok(Plan.safeParse(JSON.parse(jsonrepair(cut))).success, 'jsonrepair alone accepts the cut plan');
  const outcome = parsePermissive(cut, Plan);
  assert.ok(!outcome.ok && /truncated/.test(outcome.error), JSON.stringify(outcome));
});

test('a reply cut anywhere inside its JSON is refused, never accepted as a shorter value', () => {
  const accepted: string[] = [];
  for (const good of goodValues) {
    for (const reply of [JSON.stringify(good.value, null, 2), 'Plan:\n```json\n' + JSON.stringify(good.value) + '\n```']) {
      for (let cut = reply.indexOf('{') + 1; cut < reply.lastIndexOf('}') + 1; cut += 1) {
        if (parsePermissive(reply.slice(0, cut), good.schema).ok) accepted.push(`${good.name} cut at ${cut}`);
      }
    }
  }
  assert.equal(accepted.slice(0, 5), []);
});

test('prose alone is refused, although jsonrepair alone turns it into a JSON string', () => {
  const prose = 'I will change fetchUser so that it retries';
  assert.is(typeof JSON.parse(jsonrepair(prose)), 'string');
  const outcome = parsePermissive(prose, z.union([Plan, z.string()]));
  assert.equal(outcome, { ok: false, error: 'the reply contains no JSON object' });
});

test('a bare array of tasks is not a plan, and its first task is not taken for one', () => {
  const tasks = JSON.stringify((plan as { tasks: unknown[] }).tasks);
  assert.is(parsePermissive(tasks, Plan).ok, false);
  assert.is(parsePermissive('Here:\n```json\n' + tasks + '\n```', Plan).ok, false);
});

test('a bare array is accepted when the schema asks for one', () => {
  const tasks = (plan as { tasks: unknown[] }).tasks;
  const outcome = parsePermissive('Tasks:\n' + JSON.stringify(tasks) + '\n', z.array(PlanTask));
  assert.equal(outcome, { ok: true, value: z.array(PlanTask).parse(tasks), step: 'permissive' });
});

test('JSON only inside a <think> block is no answer', () => {
  assert.is(parsePermissive('<think>{"synthesis": "draft"}</think>\nI am not sure.', Plan).ok, false);
  assert.is(parsePermissive('<think>The plan: {"synthesis": "draft"}', Plan).ok, false);
});

test('a JSON object of the wrong shape is refused with the schema message', () => {
  const outcome = parsePermissive('Sure: {"kind": "refactor", "tasks": "all"}', Plan);
  assert.ok(!outcome.ok && /does not match the schema/.test(outcome.error), JSON.stringify(outcome));
});

test('isWhitespaceLoop: a reply that runs into whitespace until the limit', () => {
  assert.is(isWhitespaceLoop('{"synthesis": "s", "tas' + '\n'.repeat(300)), true);
  assert.is(isWhitespaceLoop(' \n'.repeat(50)), true);
  assert.is(isWhitespaceLoop('{' + ' '.repeat(600) + '"a": 1}'), true);
  assert.is(isWhitespaceLoop(planJson), false);
  assert.is(isWhitespaceLoop(planJson + '\n\n'), false);
  assert.is(isWhitespaceLoop(JSON.stringify(plan, null, 8)), false);
  assert.is(isWhitespaceLoop(''), false);
});

test('extractFirstJsonObject skips prose and honours strings, escapes and nesting', () => {
  assert.is(extractFirstJsonObject('Here: {"a": {"b": "}"}, "c": "\\"{"} and {"d": 1}'), '{"a": {"b": "}"}, "c": "\\"{"}');
  assert.is(extractFirstJsonObject("{'a': '}'} tail"), "{'a': '}'}");
  assert.is(extractFirstJsonObject('{"a": 1 // }\n}'), '{"a": 1 // }\n}');
  assert.is(extractFirstJsonObject('no JSON here'), undefined);
  assert.is(extractFirstJsonObject('{"a": [1, 2'), undefined);
});

test.run();
