import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../src/errors/litecode-error.js';
import { looksLikeQuestion, validateRequestText } from '../../src/guard/request-kind.js';

const questions = [
  'How many lines does utils.js have?',
  'how many functions are in src/api.js',
  'What does fetchUser do',
  "what's the retry policy",
  'Where is the token validated',
  'Why does login fail',
  'Which files use fetchUser',
  'Is there a test for validateToken',
  'Does utils.js export slugify',
  'Explain the auth flow',
  'fetchUser returns what exactly?',
  'Can you explain what fetchUser does?',
];
const edits = [
  'add retry to fetchUser',
  'Rename validateToken to verifyToken',
  'Can you add retry to fetchUser?',
  'could you please fix the typo in README.md?',
  'Why does login fail? Fix it.',
  'make fetchUser configurable',
  'undo the last change',
  'Which is better? Please refactor slugify.',
];

for (const request of questions) test(`question: ${request}`, () => assert.ok(looksLikeQuestion(request)));
for (const request of edits) test(`not a question: ${request}`, () => assert.not.ok(looksLikeQuestion(request)));

test('validateRequestText refuses empty, blank and over-long requests with a usage error', () => {
  for (const request of ['', '   \n\t', 'x'.repeat(2001)]) {
    try {
      validateRequestText(request);
      assert.unreachable(`accepted ${JSON.stringify(request.slice(0, 10))}`);
    } catch (error) {
      assert.instance(error, UsageError);
      assert.is((error as UsageError).exitCode, 2);
      assert.ok((error as UsageError).hint);
    }
  }
  validateRequestText('x'.repeat(2000));
  validateRequestText('ajoute un retry à fetchUser');
});

test.run();
