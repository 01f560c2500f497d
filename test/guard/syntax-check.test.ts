import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkSyntax } from '../../src/guard/syntax-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const cases: { title: string; path: string; original: string | undefined; proposed: string; ok: boolean }[] = [
  { title: 'JS that parses passes', path: 'a.js', original: 'const a = 1;\n', proposed: 'const a = 2;\n', ok: true },
  { title: 'JS with a broken expression fails', path: 'a.js', original: 'const a = 1;\nconst b = 2;\n', proposed: 'const a = 1 +;\nconst b = 2;\n', ok: false },
  { title: 'TypeScript type syntax in a .ts file passes', path: 'a.ts', original: 'let a = 1;\n', proposed: 'let a: number = 1;\n', ok: true },
  { title: 'Python with bad indentation of a block fails', path: 'a.py', original: 'def f():\n    return 1\n', proposed: 'def f():\nreturn 1\n', ok: false },
  { title: 'Go missing a brace fails', path: 'a.go', original: 'package a\nfunc f() {}\n', proposed: 'package a\nfunc f() {\nfunc g() {}\n', ok: false },
  { title: 'an original that already had errors proves nothing', path: 'a.js', original: 'const = ;\n', proposed: 'const = = ;\n', ok: true },
  { title: 'a new file must parse', path: 'new.js', original: undefined, proposed: 'function (\n', ok: false },
  { title: 'a file type without a grammar passes', path: 'a.txt', original: 'x', proposed: '{{{', ok: true },
];

for (const { title, path, original, proposed, ok } of cases) {
  test(`syntax: ${title}`, async () => {
    const verdict = await checkSyntax(proposedFile({ path, original, proposed }));
    assert.is(verdict.ok, ok);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(`^${path.replace('.', '\\.')}: the reply does not parse \\(syntax error at line \\d+`));
      assert.match(verdict.feedback, /line \d+: /);
    }
  });
}

test.run();
