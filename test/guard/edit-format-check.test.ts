import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkEditFormat } from '../../src/guard/edit-format-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const workflow = 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const packageJson = '{\n  "name": "js-app",\n  "version": "1.0.0"\n}\n';
const readme = 'Title\n=====\n\nSome text.\n';

const leaking: { title: string; path: string; original: string | undefined; proposed: string; what: RegExp }[] = [
  {
    title: 'a SEARCH/REPLACE block in a workflow',
    path: '.github/workflows/ci.yml',
    original: workflow,
    proposed: `${workflow}<<<<<<< SEARCH\n      - uses: actions/checkout@v4\n=======\n      - uses: actions/checkout@v4\n      - run: npm test\n>>>>>>> REPLACE\n`,
    what: /SEARCH\/REPLACE/,
  },
  { title: 'conflict markers in JSON', path: 'package.json', original: packageJson, proposed: '{\n<<<<<<< HEAD\n  "version": "1.0.0"\n=======\n  "version": "1.1.0"\n>>>>>>> theirs\n}\n', what: /conflict marker/ },
  { title: 'a bare ======= with a >>>>>>> marker', path: 'a.txt', original: 'a\nb\n', proposed: 'a\n=======\nb\n>>>>>>>\n', what: /conflict marker/ },
  { title: 'a unified-diff hunk in Python', path: 'tool/main.py', original: 'def main():\n    pass\n', proposed: '@@ -1,2 +1,3 @@\n def main():\n-    pass\n+    print("hi")\n', what: /hunk header/ },
  { title: 'diff file headers in a Makefile', path: 'Makefile', original: 'all:\n\techo hi\n', proposed: '--- a/Makefile\n+++ b/Makefile\n all:\n-\techo hi\n+\techo hello\n', what: /diff file header/ },
  { title: 'a leading bare file name', path: 'package.json', original: packageJson, proposed: `package.json\n${packageJson.replace('1.0.0', '1.1.0')}`, what: /naming the file/ },
  { title: 'a leading "// src/app.js" comment', path: 'src/app.js', original: 'export const a = 1;\n', proposed: '// src/app.js\nexport const a = 2;\n', what: /naming the file/ },
  { title: 'a leading "File: x"', path: 'config/app.toml', original: 'a = 1\n', proposed: 'File: config/app.toml\na = 2\n', what: /naming the file/ },
  { title: 'a leading "# app.py" on a new file', path: 'tool/app.py', original: undefined, proposed: '# app.py\nprint("hi")\n', what: /naming the file/ },
  { title: 'a leading "**Dockerfile**"', path: 'Dockerfile', original: 'FROM node:20\n', proposed: '**Dockerfile**\nFROM node:22\n', what: /naming the file/ },
];

for (const { title, path, original, proposed, what } of leaking) {
  test(`edit format: refused: ${title}`, () => {
    const verdict = checkEditFormat(proposedFile({ path, original, proposed, intendedSymbols: [] }));
    assert.is(verdict.ok, false, `${title} should be refused`);
    if (!verdict.ok) {
      assert.ok(verdict.message.startsWith(`${path}: the reply `), verdict.message);
      assert.match(verdict.message, what);
      assert.match(verdict.feedback, /Reply with the complete new content/);
    }
  });
}

const fine: { title: string; path: string; original: string | undefined; proposed: string }[] = [
  { title: 'a setext heading underline of seven "="', path: 'README.md', original: readme, proposed: 'Project\n=======\n\nSome text.\n' },
  { title: 'a diff example inside a Markdown fence', path: 'docs/patching.md', original: '# Patching\n', proposed: '# Patching\n\n```diff\n--- a/x.js\n+++ b/x.js\n@@ -1,3 +1,4 @@\n```\n' },
  { title: 'conflict-marker lines the original already has (a test fixture)', path: 'test/fixtures/conflict.txt', original: '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> other\n', proposed: '<<<<<<< HEAD\na2\n=======\nb\n>>>>>>> other\n' },
  { title: 'a file that starts with its own path comment', path: 'src/app.js', original: '// src/app.js\nexport const a = 1;\n', proposed: '// src/app.js\nexport const a = 2;\n' },
  { title: 'a YAML document separator and a Markdown rule', path: 'a.yaml', original: 'a: 1\n', proposed: '---\na: 2\n---\nb: 3\n' },
  { title: 'a first comment naming another file', path: 'src/app.js', original: 'export const a = 1;\n', proposed: '// see src/other.js\nexport const a = 2;\n' },
  { title: 'a Makefile whose first line is a target', path: 'Makefile', original: 'all:\n\techo hi\n', proposed: 'all: build\n\techo hi\n' },
  { title: 'a decrement line in C that looks like "---"', path: 'a.c', original: 'int a;\n', proposed: 'int a;\n--- a;\n' },
];

for (const { title, path, original, proposed } of fine) {
  test(`edit format: passes: ${title}`, () => {
    const verdict = checkEditFormat(proposedFile({ path, original, proposed, intendedSymbols: [] }));
    assert.is(verdict.ok, true, verdict.ok ? '' : verdict.message);
  });
}

test.run();
