import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkNoOp } from '../../src/guard/no-op-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const original = 'const a = 1;\r\nconst b = 2;\r\n';

const cases: { title: string; original: string | undefined; proposed: string; ok: boolean }[] = [
  { title: 'an identical reply fails', original, proposed: original, ok: false },
  { title: 'a reply that differs only in line endings is still no change', original, proposed: original.replace(/\r\n/g, '\n'), ok: false },
  { title: 'a real change passes', original, proposed: original.replace('1', '3'), ok: true },
  { title: 'an empty new file fails', original: undefined, proposed: '  \n', ok: false },
  { title: 'a new file with content passes', original: undefined, proposed: 'x\n', ok: true },
];

for (const { title, original: before, proposed, ok } of cases) {
  test(`no-op: ${title}`, () => {
    const verdict = checkNoOp(proposedFile({ original: before, proposed }));
    assert.is(verdict.ok, ok);
    if (!verdict.ok) assert.match(verdict.message, /^src\/auth\.js: /);
  });
}

test.run();
