import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkProposedFile, restoreNewlineConvention } from '../../src/guard/output-checks.js';
import { proposedFile } from './proposed-file-fixture.js';

const allChecks = ['generated', 'fences', 'talking', 'edit-format', 'truncation', 'elision', 'wrong-file', 'shrinkage', 'syntax', 'defines', 'references', 'scope', 'no-op', 'newlines'];

const auth = `function validateToken(token) {
  return token.length > 0;
}

function validateUser(user) {
  return Boolean(user.id);
}

module.exports = { validateToken, validateUser };
`;

test('a good reply passes every check, in order', async () => {
  const report = await checkProposedFile(proposedFile());
  assert.equal(report, { passed: allChecks });
});

test("the seed's case: the model also renamed validateUser; scope fails with the feedback for the retry", async () => {
  const proposed = auth.replace(/validateToken/g, 'verifyToken').replace(/validateUser/g, 'verifyUser');
  const report = await checkProposedFile(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'], instruction: 'Rename validateToken to verifyToken.' }));
  assert.is(report.failure?.check, 'scope');
  assert.equal(report.passed, allChecks.slice(0, allChecks.indexOf('scope')));
  assert.match(report.failure!.feedback, /^You also changed validateUser, which the task did not name; change only validateToken/);
});

const failures: { title: string; overrides: Parameters<typeof proposedFile>[0]; check: string }[] = [
  { title: 'a leftover fence', overrides: { proposed: '```js\nfunction validateToken(token) {\n  return !!token;\n}\n```\n' }, check: 'fences' },
  { title: 'cut off at the length limit', overrides: { doneReason: 'length' }, check: 'truncation' },
  { title: 'ends mid-function', overrides: { proposed: 'function validateToken(token) {\n  return typeof' }, check: 'truncation' },
  { title: 'an elided body', overrides: { proposed: 'function validateToken(token) {\n  // ... existing code ...\n}\n' }, check: 'elision' },
  {
    title: 'another file',
    overrides: { original: auth, proposed: 'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n', otherFiles: [{ path: 'src/consts.js', content: 'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n' }] },
    check: 'wrong-file',
  },
  { title: 'a chatty reply', overrides: { proposed: "I'm sorry, but I need to see the file first. Could you provide it?\n" }, check: 'talking' },
  { title: 'a leaked SEARCH/REPLACE block', overrides: { proposed: '<<<<<<< SEARCH\n  return token.length > 0;\n=======\n  return !!token;\n>>>>>>> REPLACE\n' }, check: 'edit-format' },
  {
    title: 'a reply that lost most lines',
    overrides: { original: auth, proposed: 'function validateToken(token) {\n  return !!token;\n}\n', intendedSymbols: ['validateToken'] },
    check: 'shrinkage',
  },
  { title: 'a new file without the symbol the plan names', overrides: { path: 'src/retry.js', original: undefined, proposed: 'export function retry(fn) {\n  return fn();\n}\n', intendedSymbols: ['withRetry'] }, check: 'defines' },
  {
    title: 'a call to a helper defined nowhere',
    overrides: {
      original: 'export function validateToken(token) {\n  return token.length > 0;\n}\n',
      proposed: 'export function validateToken(token) {\n  return isNonEmptyString(token);\n}\n',
    },
    check: 'references',
  },
  { title: 'broken syntax', overrides: { proposed: 'function validateToken(token) {\n  return token.length > ;\n}\n' }, check: 'syntax' },
  { title: 'no change', overrides: { proposed: 'function validateToken(token) {\n  return token.length > 0;\n}\n' }, check: 'no-op' },
  { title: 'a lost final newline', overrides: { proposed: 'function validateToken(token) {\n  return !!token;\n}' }, check: 'newlines' },
];

for (const { title, overrides, check } of failures) {
  test(`stops at the first failure: ${title} → ${check}`, async () => {
    const report = await checkProposedFile(proposedFile(overrides));
    assert.is(report.failure?.check, check);
    assert.equal(report.passed, allChecks.slice(0, allChecks.indexOf(check)));
    assert.ok(report.failure!.message.length > 0 && report.failure!.feedback.length > 0);
  });
}

test('CRLF: the LF reply restored to the original convention passes; unrestored it fails on newlines', async () => {
  const original = auth.replace(/\n/g, '\r\n');
  const reply = auth.replace('Boolean(user.id)', 'user.id !== undefined');
  const intendedSymbols = ['validateUser'];
  const unrestored = await checkProposedFile(proposedFile({ original, proposed: reply, intendedSymbols }));
  assert.is(unrestored.failure?.check, 'newlines');
  const restored = await checkProposedFile(proposedFile({ original, proposed: restoreNewlineConvention(original, reply), intendedSymbols }));
  assert.equal(restored, { passed: allChecks });
});

test('symbol mode: the feedback asks for the named symbols only', async () => {
  const report = await checkProposedFile(proposedFile({ symbolMode: true, doneReason: 'length' }));
  assert.match(report.failure!.feedback, /the complete new source of validateToken only/);
});

test('a created file passes when it parses and is new', async () => {
  const report = await checkProposedFile(proposedFile({ path: 'src/new.py', original: undefined, proposed: 'def hello():\n    return "hi"\n', intendedSymbols: [] }));
  assert.equal(report, { passed: allChecks });
});

test.run();
