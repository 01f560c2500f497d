import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkTruncation } from '../../src/guard/truncation-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const javascript = 'function a() {\n  return 1;\n}\n\nfunction b() {\n  return 2;\n}\n';
const python = 'def a():\n    return 1\n\n\ndef b(x):\n    return [x, x]\n';

const cases: { title: string; path: string; original: string | undefined; proposed: string; doneReason?: string; ok: boolean }[] = [
  { title: 'done_reason length fails even if the code looks whole', path: 'a.js', original: javascript, proposed: javascript + '\n', doneReason: 'length', ok: false },
  { title: 'a complete reply passes', path: 'a.js', original: javascript, proposed: javascript.replace('return 2', 'return 3'), ok: true },
  { title: 'JavaScript cut off inside a function (unbalanced braces)', path: 'a.js', original: javascript, proposed: 'function a() {\n  return 1;\n}\n\nfunction b() {\n  return', ok: false },
  { title: 'JavaScript cut off after an opening brace', path: 'a.js', original: javascript, proposed: 'function a() {\n  return 1;\n}\n\nfunction b() {\n', ok: false },
  { title: 'Python cut off inside a list', path: 'a.py', original: python, proposed: 'def a():\n    return 1\n\n\ndef b(x):\n    return [x,', ok: false },
  { title: 'Python cut off after a def line', path: 'a.py', original: python, proposed: 'def a():\n    return 1\n\n\ndef b(x):\n', ok: false },
  { title: 'a syntax error in the middle is not truncation (the syntax check reports it)', path: 'a.js', original: javascript, proposed: 'function a() {\n  return 1 +;\n}\n\nfunction b() {\n  return 2;\n}\n', ok: true },
  { title: 'an original that did not parse proves nothing', path: 'a.js', original: 'function a( {\n', proposed: 'function a( {\n  x', ok: true },
  { title: 'a new file cut off fails', path: 'new.ts', original: undefined, proposed: 'export function x(): number {\n  return 1;\n', ok: false },
  { title: 'a file type without a grammar passes', path: 'notes.txt', original: 'a\nb\n', proposed: 'a\nb {\n', ok: true },
];

for (const { title, path, original, proposed, doneReason, ok } of cases) {
  test(`truncation: ${title}`, async () => {
    const verdict = await checkTruncation(proposedFile({ path, original, proposed, doneReason: doneReason ?? 'stop' }));
    assert.is(verdict.ok, ok, verdict.ok ? 'passed' : verdict.message);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(path.replace('.', '\\.')));
      assert.match(verdict.feedback, /cut off/);
    }
  });
}

test.run();
