import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkFences } from '../../src/guard/fence-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const cases: { title: string; path?: string; original?: string; proposed: string; ok: boolean }[] = [
  { title: 'raw code passes', proposed: 'const a = 1;\n', ok: true },
  { title: 'an opening fence left behind fails', proposed: '```js\nconst a = 1;\n', ok: false },
  { title: 'a closing fence left behind fails', proposed: 'const a = 1;\n```\n\n', ok: false },
  { title: 'tilde fences fail too', proposed: '~~~\nconst a = 1;\n~~~\n', ok: false },
  { title: 'a fence inside a template string in the middle passes', proposed: 'const doc = `\n```\nx\n```\n`;\n', ok: true },
  { title: 'a fence line the original already had at the end passes', original: 'const doc = `\n```', proposed: 'const doc2 = `\n```', ok: true },
  { title: 'Markdown files may start with a fence', path: 'README.md', proposed: '```sh\nnpm i\n```\n', ok: true },
];

for (const { title, path, original, proposed, ok } of cases) {
  test(`fences: ${title}`, () => {
    const verdict = checkFences(proposedFile({ proposed, ...(path ? { path } : {}), ...(original !== undefined ? { original } : {}) }));
    assert.is(verdict.ok, ok);
    if (!verdict.ok) {
      assert.match(verdict.message, /src\/auth\.js/);
      assert.match(verdict.feedback, /no ``` lines/);
    }
  });
}

test.run();
