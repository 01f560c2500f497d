import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkScope } from '../../src/guard/scope-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const auth = `function validateToken(token) {
  return token.length > 0;
}

function validateUser(user) {
  return Boolean(user.id);
}

class Session {
  constructor(user) { this.user = user; }
  isValid() { return validateUser(this.user); }
}

module.exports = { validateToken, validateUser, Session };
`;

test("scope: the seed's case, asked to rename validateToken, the model also renamed validateUser", async () => {
  const proposed = auth.replaceAll('validateToken', 'verifyToken').replaceAll('validateUser', 'verifyUser');
  const verdict = await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) {
    assert.match(verdict.message, /^src\/auth\.js: the model also changed validateUser/);
    assert.match(verdict.feedback, /^You also changed validateUser(, Session\.isValid)?( and \S+)?, which the task did not name; change only validateToken/);
    assert.match(verdict.feedback, /Your unwanted change:\n- function validateUser\(user\) \{/);
  }
});

test('scope: renaming the named symbol itself fails (every caller would break), found by bench/agent-suite', async () => {
  const proposed = auth.replace('function validateToken(token) {\n  return token.length > 0;', 'function checkToken(token) {\n  return token.length > 1;');
  const verdict = await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.is(verdict.message, 'src/auth.js: the model removed or renamed validateToken, which the task asks to change, not to rename');
  const method = auth.replace('isValid() {', 'isCurrent() {');
  assert.is((await checkScope(proposedFile({ original: auth, proposed: method, intendedSymbols: ['Session.isValid'] }))).ok, false);
  assert.ok((await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'], mayRemoveSymbols: true }))).ok);
});

test('scope: changing only the named function passes', async () => {
  const proposed = auth.replace('return token.length > 0;', 'return typeof token === "string" && token.length > 0;');
  assert.ok((await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }))).ok);
});

test('scope: a body change to an unnamed function fails and names it', async () => {
  const proposed = auth.replace('return token.length > 0;', 'return token.length > 1;').replace('Boolean(user.id)', 'user.id !== undefined');
  const verdict = await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) {
    assert.is(verdict.message, 'src/auth.js: the model also changed validateUser, which the task did not name');
    assert.match(verdict.feedback, /\n- {3}return Boolean\(user\.id\);\n\+ {3}return user\.id !== undefined;$/);
  }
});

test('scope: a removed symbol counts as changed, unless the task asks to remove things', async () => {
  const proposed = auth.replace('function validateUser(user) {\n  return Boolean(user.id);\n}\n\n', '');
  const verdict = await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }));
  assert.is(verdict.ok, false);
  assert.ok((await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'], mayRemoveSymbols: true }))).ok);
});

test('scope: new symbols are fine, including a new method in an unnamed class', async () => {
  const proposed = auth
    .replace('module.exports', 'function helper() {}\n\nmodule.exports')
    .replace('  isValid()', '  refresh() { return 1; }\n  isValid()');
  assert.ok((await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['helper'] }))).ok);
});

test('scope: whitespace and reformatting alone are not changes', async () => {
  const proposed = auth.replace('function validateUser(user) {\n  return Boolean(user.id);\n}', 'function validateUser(user) {\n    return Boolean(user.id);\n}').replace('return token.length > 0', 'return token.length >= 1');
  assert.ok((await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: ['validateToken'] }))).ok);
});

test('scope: naming a method lets it change but not its siblings; naming the class lets all its members change', async () => {
  const oneMethod = auth.replace('isValid() { return validateUser(this.user); }', 'isValid() { return this.user && validateUser(this.user); }');
  assert.ok((await checkScope(proposedFile({ original: auth, proposed: oneMethod, intendedSymbols: ['Session.isValid'] }))).ok);
  const sibling = oneMethod.replace('this.user = user;', 'this.user = user ?? null;');
  const verdict = await checkScope(proposedFile({ original: auth, proposed: sibling, intendedSymbols: ['Session.isValid'] }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.match(verdict.message, /Session\.constructor/);
  assert.ok((await checkScope(proposedFile({ original: auth, proposed: sibling, intendedSymbols: ['Session'] }))).ok);
});

test('scope: Python, changing an unnamed method fails', async () => {
  const original = 'class A:\n    def a(self):\n        return 1\n\n    def b(self):\n        return 2\n';
  const proposed = original.replace('return 1', 'return 10').replace('return 2', 'return 20');
  const verdict = await checkScope(proposedFile({ path: 'a.py', original, proposed, intendedSymbols: ['a'] }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.match(verdict.message, /also changed A\.b/);
});

test('scope: without a grammar only the presence of symbols is checked', async () => {
  const original = 'def alpha\n  1\nend\ndef beta\n  2\nend\n';
  const changedBody = original.replace('  2', '  3');
  assert.ok((await checkScope(proposedFile({ path: 'a.cr', original, proposed: changedBody, intendedSymbols: ['alpha'] }))).ok);
  const removed = 'def alpha\n  1\nend\n';
  const verdict = await checkScope(proposedFile({ path: 'a.cr', original, proposed: removed, intendedSymbols: ['alpha'] }));
  assert.is(verdict.ok, false);
});

test('scope: with no symbols named, any change to an existing symbol fails and the feedback quotes the instruction', async () => {
  const proposed = auth.replace('Boolean(user.id)', 'user.id != null');
  const verdict = await checkScope(proposedFile({ original: auth, proposed, intendedSymbols: [], instruction: 'Add a header comment.' }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.match(verdict.feedback, /change only what the task asks: Add a header comment\./);
});

test('scope: a new file has nothing to compare', async () => {
  assert.ok((await checkScope(proposedFile({ original: undefined, proposed: 'function a() {}\n' }))).ok);
});

test.run();
