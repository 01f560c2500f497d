import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkWrongFile } from '../../src/guard/wrong-file-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const auth = 'function validateToken(token) {\n  return token.length > 0;\n}\n\nfunction validateUser(user) {\n  return Boolean(user.id);\n}\n\nmodule.exports = { validateToken, validateUser };\n';
const api = "const http = require('http');\n\nfunction fetchUser(id) {\n  return http.get(`/users/${id}`);\n}\n\nfunction fetchPosts(id) {\n  return http.get(`/posts/${id}`);\n}\n\nmodule.exports = { fetchUser, fetchPosts };\n";
const others = [
  { path: 'src/api.js', content: api },
  { path: 'src/auth.js', content: auth },
];

test('wrong file: a reply that is another file exactly fails and names both files', () => {
  const verdict = checkWrongFile(proposedFile({ original: auth, proposed: api, otherFiles: others }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) {
    assert.is(verdict.message, 'src/auth.js: the reply is a copy of src/api.js, not src/auth.js');
    assert.match(verdict.feedback, /Edit src\/auth\.js only/);
  }
});

test('wrong file: a reply that is mostly another file (the edit went into the wrong file) fails', () => {
  const edited = api.replace('return http.get(`/users/${id}`);', 'return retry(() => http.get(`/users/${id}`));');
  const verdict = checkWrongFile(proposedFile({ original: auth, proposed: edited, otherFiles: others }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.match(verdict.message, /mostly src\/api\.js/);
});

test('wrong file: a genuine edit of the target passes, even beside a similar file', () => {
  const twin = { path: 'src/auth-copy.js', content: auth };
  const edited = auth.replace('return token.length > 0;', 'return typeof token === "string" && token.length > 0;');
  assert.ok(checkWrongFile(proposedFile({ original: auth, proposed: edited, otherFiles: [...others, twin] })).ok);
});

test('wrong file: the target itself in otherFiles is ignored', () => {
  const edited = auth.replace('> 0', '> 1');
  assert.ok(checkWrongFile(proposedFile({ original: auth, proposed: edited, otherFiles: [{ path: 'src/auth.js', content: auth }] })).ok);
});

test('wrong file: a created file identical to an existing one fails; a similar one passes', () => {
  const copy = checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: `${api}\n`, otherFiles: others }));
  assert.is(copy.ok, false);
  const similar = api.replace('fetchPosts', 'fetchComments').replace('/posts/', '/comments/');
  assert.ok(checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: similar, otherFiles: others })).ok);
});

test('wrong file: tiny files are not compared by similarity', () => {
  const tiny = { path: 'src/b.js', content: '}\n' };
  assert.ok(checkWrongFile(proposedFile({ original: 'x();\n}\n', proposed: 'y();\n}\n', otherFiles: [tiny] })).ok);
});

test.run();
