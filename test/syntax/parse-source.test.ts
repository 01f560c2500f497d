import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { languageForPath } from '../../src/syntax/languages.js';
import { syntaxErrors } from '../../src/syntax/parse-source.js';

const languageCases: [string, string | undefined][] = [
  ['src/a.js', 'javascript'],
  ['a.mjs', 'javascript'],
  ['a.cjs', 'javascript'],
  ['a.jsx', 'javascript'],
  ['a.ts', 'typescript'],
  ['a.mts', 'typescript'],
  ['a.cts', 'typescript'],
  ['a.tsx', 'tsx'],
  ['a.py', 'python'],
  ['a.go', 'go'],
  ['a.rs', 'rust'],
  ['A.java', 'java'],
  ['a.rb', 'ruby'],
  ['a.php', 'php'],
  ['a.css', 'css'],
  ['a.sh', 'bash'],
  ['a.cs', 'c-sharp'],
  ['a.cpp', 'cpp'],
  ['a.h', 'cpp'],
  ['README.md', undefined],
  ['Makefile', undefined],
  ['dir.js/file', undefined],
];
for (const [path, expected] of languageCases) {
  test(`languageForPath(${path}) is ${expected}`, () => {
    assert.is(languageForPath(path), expected);
  });
}

test('clean code has no syntax errors', async () => {
  assert.equal(await syntaxErrors('a.js', 'function f() { return 1; }\n'), []);
  assert.equal(await syntaxErrors('a.py', 'def f():\n    return 1\n'), []);
  assert.equal(await syntaxErrors('a.go', 'package main\nfunc f() int { return 1 }\n'), []);
});

test('broken code reports the line, column and an excerpt', async () => {
  const errors = await syntaxErrors('a.js', 'const a = 1;\nfunction f( {\n  return 1;\n}\n');
  assert.ok(errors && errors.length > 0);
  assert.is(errors[0]!.line, 2);
  assert.ok(errors[0]!.column >= 1);
  assert.match(errors[0]!.excerpt, /function f\(/);
});

test('a missing closing brace is reported', async () => {
  const errors = await syntaxErrors('a.ts', 'export function f(): number {\n  return 1;\n');
  assert.ok(errors && errors.length > 0);
});

test('an unsupported language gives undefined, not an empty list', async () => {
  assert.is(await syntaxErrors('notes.txt', 'anything {'), undefined);
});

test.run();
