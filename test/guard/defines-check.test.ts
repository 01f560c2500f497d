import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDefines } from '../../src/guard/defines-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const cases: { title: string; path: string; proposed: string; symbols: string[]; ok: boolean }[] = [
  { title: 'JS: defines the planned helper', path: 'src/retry.js', proposed: 'export async function withRetry(fn) {\n  return fn();\n}\n', symbols: ['withRetry'], ok: true },
  { title: 'JS: defines it under another name', path: 'src/retry.js', proposed: 'export async function retry(fn) {\n  return fn();\n}\n', symbols: ['withRetry'], ok: false },
  { title: 'JS: a const arrow function counts', path: 'src/retry.js', proposed: 'export const withRetry = (fn) => fn();\n', symbols: ['withRetry'], ok: true },
  { title: 'TS: a class method by Class.method', path: 'src/cache.ts', proposed: 'export class Cache {\n  get(key: string) {\n    return key;\n  }\n}\n', symbols: ['Cache', 'Cache.get'], ok: true },
  { title: 'TS: a missing method of the class', path: 'src/cache.ts', proposed: 'export class Cache {\n  get(key: string) {\n    return key;\n  }\n}\n', symbols: ['Cache.set'], ok: false },
  { title: 'Python: def missing', path: 'tool/retry.py', proposed: 'def retry(fn):\n    return fn()\n', symbols: ['with_retry'], ok: false },
  { title: 'Python: def present', path: 'tool/retry.py', proposed: 'def with_retry(fn):\n    return fn()\n', symbols: ['with_retry'], ok: true },
  { title: 'no symbols planned', path: 'src/x.js', proposed: 'export const a = 1;\n', symbols: [], ok: true },
  { title: 'a data file (keys are the data checks\' job)', path: 'config.json', proposed: '{"a": 1}\n', symbols: ['scripts.test'], ok: true },
  { title: 'a language without a grammar', path: 'init.lua', proposed: 'return {}\n', symbols: ['M.greet'], ok: true },
];

for (const { title, path, proposed, symbols, ok } of cases) {
  test(`defines: ${ok ? 'passes' : 'refused'}: ${title}`, async () => {
    const verdict = await checkDefines(proposedFile({ path, original: undefined, proposed, intendedSymbols: symbols }));
    assert.is(verdict.ok, ok, verdict.ok ? '' : verdict.message);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(`^${path.replace(/\./g, '\\.')}: the new file does not define`));
      assert.match(verdict.feedback, /under exactly that name/);
    }
  });
}

test('defines: a modify is left to the scope check', async () => {
  assert.ok((await checkDefines(proposedFile({ intendedSymbols: ['nothingLikeThis'] }))).ok);
});

test.run();
