import { createHash } from 'node:crypto';
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
    assert.is(verdict.message, 'src/auth.js: the reply is a copy of src/api.js, the wrong file, not src/auth.js');
    assert.match(verdict.feedback, /is the content of src\/api\.js, a different file\. Write src\/auth\.js only/);
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

test('wrong file: a create that nearly copies an existing file (85% of its lines) fails, naming it', () => {
  const nearCopy = api.replace("const http = require('http');", "const http = require('node:http');");
  const verdict = checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: nearCopy, otherFiles: others, instruction: 'Create a client for comments.' }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) {
    assert.match(verdict.message, /^src\/new\.js: the reply is mostly src\/api\.js, the wrong file, not src\/new\.js, the new file$/);
    assert.match(verdict.feedback, /mostly matches src\/api\.js, a different file/);
  }
});

test('wrong file: any tracked file copied exactly is recognised by its blob id, without its text', () => {
  const blobId = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
  const trackedBlobIds = new Map([[blobId(api), 'lib/far/away.js'], [blobId(auth), 'src/auth.js']]);
  for (const original of [undefined, auth]) {
    const verdict = checkWrongFile(proposedFile({ path: original ? 'src/auth.js' : 'src/new.js', original, proposed: api, otherFiles: [], trackedBlobIds }));
    assert.is(verdict.ok, false);
    if (!verdict.ok) assert.match(verdict.message, /a copy of lib\/far\/away\.js, the wrong file/);
  }
  // The same file without its final newline is still that file.
  assert.is(checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: api.trimEnd(), otherFiles: [], trackedBlobIds })).ok, false);
  // SHA-256 repositories hash with SHA-256.
  const sha256 = new Map([[createHash('sha256').update(`blob ${Buffer.byteLength(api)}\0`).update(api).digest('hex'), 'lib/far/away.js']]);
  assert.is(checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: api, otherFiles: [], trackedBlobIds: sha256 })).ok, false);
});

test('wrong file: a copy the instruction asks for passes; a one-line file equal to another passes', () => {
  assert.ok(checkWrongFile(proposedFile({ path: 'src/api-copy.js', original: undefined, proposed: api, otherFiles: others, instruction: 'Copy src/api.js to src/api-copy.js.' })).ok);
  const blobId = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
  const init = 'from .main import main\n';
  assert.ok(checkWrongFile(proposedFile({ path: 'pkg/b/__init__.py', original: undefined, proposed: init, otherFiles: [], trackedBlobIds: new Map([[blobId(init), 'pkg/a/__init__.py']]) })).ok);
});

test.run();
