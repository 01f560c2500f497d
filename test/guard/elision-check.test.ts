import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkElision } from '../../src/guard/elision-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const javascript = 'function a() {\n  return 1;\n}\n\nfunction b() {\n  return 2;\n}\n';
const python = 'def a():\n    return 1\n\n\ndef b():\n    return 2\n';
const css = '.a {\n  color: red;\n}\n\n.b {\n  color: blue;\n}\n';

const placeholderCases: { title: string; path: string; original: string; proposed: string }[] = [
  { title: 'JS // ... existing code ...', path: 'a.js', original: javascript, proposed: '// ... existing code ...\n\nfunction b() {\n  return 3;\n}\n' },
  { title: 'JS /* ... */', path: 'a.js', original: javascript, proposed: 'function a() {\n  /* ... */\n}\n\nfunction b() {\n  return 3;\n}\n' },
  { title: 'JS // (unchanged)', path: 'a.js', original: javascript, proposed: 'function a() {\n  // (unchanged)\n}\nfunction b() {\n  return 3;\n}\n' },
  { title: 'JS // rest of the file remains the same', path: 'a.js', original: javascript, proposed: 'function a() {\n  return 0;\n}\n// rest of the file remains the same\n' },
  { title: 'JSX {/* ... */}', path: 'a.jsx', original: javascript, proposed: 'function a() {\n  return (\n    <div>\n      {/* ... */}\n    </div>\n  );\n}\n' },
  { title: 'Python # rest unchanged', path: 'a.py', original: python, proposed: 'def a():\n    return 0\n\n\n# rest unchanged\n' },
  { title: 'Python # ... (other functions unchanged)', path: 'a.py', original: python, proposed: '# ... (other functions unchanged)\ndef b():\n    return 3\n' },
  { title: 'Python bare ... standing in for a body', path: 'a.py', original: python, proposed: 'def a():\n    ...\n\n\ndef b():\n    return 3\n' },
  { title: 'CSS /* ... existing styles ... */', path: 'a.css', original: css, proposed: '/* ... existing styles ... */\n.b {\n  color: green;\n}\n' },
  { title: 'CSS /* rest of the file is unchanged */', path: 'a.css', original: css, proposed: '.a {\n  color: red;\n}\n/* remainder unchanged */\n' },
  { title: 'HTML <!-- ... -->', path: 'a.html', original: '<p>a</p>\n<p>b</p>\n', proposed: '<p>c</p>\n<!-- ... -->\n' },
  { title: 'SQL -- same as before', path: 'a.sql', original: 'select 1;\nselect 2;\n', proposed: 'select 3;\n-- same as before\n' },
  // Every kind, every comment syntax, and prose (issue 8).
  { title: 'README ending "... (rest of the README unchanged)"', path: 'README.md', original: '# a\n\nintro\n\n## b\n\ntext\n', proposed: '# a\n\nnew intro\n\n... (rest of the README unchanged)\n' },
  { title: 'README "(rest of the README unchanged)"', path: 'README.md', original: '# a\n\nintro\n', proposed: '# a\n\nnew intro\n\n(rest of the README unchanged)\n' },
  { title: 'prose "[...]"', path: 'docs/guide.md', original: '# a\n\none\ntwo\n', proposed: '# a\n\nONE\n[...]\n' },
  { title: 'prose "[… existing sections …]"', path: 'docs/guide.rst', original: 'a\n=\n\none\n', proposed: 'a\n=\n\n[… existing sections …]\n' },
  { title: 'YAML "# ... existing steps ..."', path: '.github/workflows/ci.yml', original: 'jobs:\n  t:\n    steps:\n      - run: a\n', proposed: 'jobs:\n  t:\n    steps:\n      # ... existing steps ...\n      - run: npm test\n' },
  { title: 'TOML "# rest of the file unchanged"', path: 'pyproject.toml', original: '[project]\nname = "a"\n', proposed: '[project]\nname = "a"\nversion = "2"\n# rest of the file unchanged\n' },
  { title: 'INI "; other settings unchanged"', path: 'setup.cfg', original: '[a]\nx = 1\n', proposed: '[a]\nx = 2\n; other settings unchanged\n' },
  { title: 'HTML "<!-- existing markup here -->"', path: 'index.html', original: '<body>\n<p>a</p>\n</body>\n', proposed: '<body>\n<!-- existing markup here -->\n<p>b</p>\n</body>\n' },
  { title: 'Lua "-- ... existing code ..."', path: 'init.lua', original: 'local a = 1\nreturn a\n', proposed: 'local a = 2\n-- ... existing code ...\n' },
  { title: 'Dockerfile "# ... rest unchanged"', path: 'Dockerfile', original: 'FROM node\nCOPY . .\n', proposed: 'FROM node:20\n# ... rest unchanged\n' },
  { title: 'TeX "% ... remaining sections unchanged"', path: 'paper.tex', original: '\\section{A}\n', proposed: '\\section{B}\n% remaining sections unchanged\n' },
  { title: 'Vim script \'" ...\'', path: 'plugin.vim', original: 'set a\n', proposed: 'set b\n" ...\n' },
  { title: 'JS "// existing code here"', path: 'a.js', original: javascript, proposed: 'function a() {\n  // existing code here\n}\n' },
  { title: 'a plain-text "... rest unchanged" line', path: 'notes.txt', original: 'a\nb\nc\n', proposed: 'A\n... rest unchanged\n' },
  { title: 'YAML "# [...]"', path: 'a.yml', original: 'a: 1\nb: 2\n', proposed: 'a: 3\n# [...]\n' },
  { title: 'HTML "<!-- (rest of the page unchanged) -->"', path: 'a.html', original: '<p>a</p>\n<p>b</p>\n', proposed: '<p>c</p>\n<!-- (rest of the page unchanged) -->\n' },
  { title: 'Jinja "{# ... #}"', path: 'page.html.j2', original: '<p>{{ a }}</p>\n', proposed: '<p>{{ b }}</p>\n{# ... #}\n' },
  // Short notes phrased other ways than "... rest unchanged".
  ...[
    '# etc.',
    '// etc...',
    '# and so on',
    '# ... and so on',
    '# snip',
    '# --- snip ---',
    '# (omitted)',
    '# (truncated)',
    '# other jobs here',
    '# more dependencies here',
    '# ... remaining steps',
    '# other stages...',
    '# rest of the workflow',
    '# (rest of the Dockerfile)',
    '# everything below is unchanged',
    '# no changes below',
    '# rest as is',
    '# steps as above',
    '# continue as before',
    '# the other steps stay as they are',
    '# all other settings remain',
    '<!-- sections as before -->',
  ].map((line) => ({ title: `YAML "${line}"`, path: 'ci.yml', original: 'a: 1\nb: 2\n', proposed: `a: 1\n${line}\nc: 3\n` })),
  { title: 'JSON "...": "..." key', path: 'package.json', original: '{\n  "a": 1,\n  "b": 2\n}\n', proposed: '{\n  "a": 1,\n  "...": "...",\n  "c": 3\n}\n' },
];

for (const { title, path, original, proposed } of placeholderCases) {
  test(`elision: placeholder fails: ${title}`, () => {
    const verdict = checkElision(proposedFile({ path, original, proposed, intendedSymbols: ['b'] }));
    assert.is(verdict.ok, false);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(`^${path.replace('.', '\\.')}: the reply left out code`));
      assert.match(verdict.feedback, /stands in for code you left out/);
    }
  });
}

const passingCases: { title: string; path: string; original: string; proposed: string; instruction?: string; mayRemoveSymbols?: boolean }[] = [
  {
    title: 'a placeholder-looking line the original already had',
    path: 'a.py',
    original: 'class P(Protocol):\n    def run(self):\n        ...\n',
    proposed: 'class P(Protocol):\n    def run(self) -> None:\n        ...\n',
  },
  { title: 'an ordinary comment that mentions dots in the middle', path: 'a.js', original: javascript, proposed: javascript.replace('return 2;', '// wait... then return\n  return 2;') },
  { title: 'a spread operator is code, not a placeholder', path: 'a.js', original: javascript, proposed: javascript.replace('return 2;', 'return [...items];') },
  { title: 'a comment saying loading...', path: 'a.js', original: javascript, proposed: javascript.replace('return 2;', '// loading...\n  return 2;') },
  { title: 'a Markdown heading "## Existing tests"', path: 'README.md', original: '# a\n', proposed: '# a\n\n## Existing tests\n\nRun them.\n' },
  { title: 'a sentence that mentions the rest of something', path: 'README.md', original: '# a\n', proposed: '# a\n\nThe rest of the API is unchanged since 1.0, see below.\n' },
  { title: 'a JSON value mentioning existing code', path: 'package.json', original: '{\n  "a": 1\n}\n', proposed: '{\n  "a": 1,\n  "description": "keeps existing code working"\n}\n' },
  { title: 'a prose line that starts with an ellipsis', path: 'story.txt', original: 'Once.\n', proposed: 'Once.\n...and then it rained.\n' },
  { title: 'a bracketed link in Markdown', path: 'README.md', original: '# a\n', proposed: '# a\n\n[docs](docs/index.md)\n' },
  { title: 'a Markdown rule and a YAML separator', path: 'README.md', original: '# a\n', proposed: '# a\n\n---\n\nb\n' },
  { title: 'a Markdown bullet "* etc."', path: 'README.md', original: '# a\n', proposed: '# a\n\n* JSON\n* YAML\n* etc.\n' },
  { title: 'a section comment "# the remaining functions"', path: 'a.py', original: python, proposed: python + '\n\n# the remaining functions\ndef c():\n    return 3\n' },
  { title: 'a section comment "# rest of them"', path: 'a.py', original: python, proposed: python + '\n\n# rest of them\ndef c():\n    return 3\n' },
  { title: 'a JSON value "..." (a loading label)', path: 'i18n/en.json', original: '{\n  "a": "A"\n}\n', proposed: '{\n  "a": "A",\n  "loading": "..."\n}\n' },
  { title: 'a "[...]" line the original already had', path: 'quote.md', original: '> a\n[...]\n> b\n', proposed: '> A\n[...]\n> b\n' },
];

for (const { title, path, original, proposed, instruction, mayRemoveSymbols } of passingCases) {
  test(`elision: passes: ${title}`, () => {
    const verdict = checkElision(proposedFile({ path, original, proposed, ...(instruction ? { instruction } : {}), mayRemoveSymbols: mayRemoveSymbols ?? false }));
    assert.is(verdict.ok, true, verdict.ok ? '' : verdict.message);
  });
}

test('elision: a new file with a placeholder fails', () => {
  const verdict = checkElision(proposedFile({ path: 'new.js', original: undefined, proposed: 'function a() {\n  // ... implementation here\n}\n' }));
  assert.is(verdict.ok, false);
});

test('elision: the placeholder is quoted as JSON, so control characters never reach the terminal', () => {
  const verdict = checkElision(proposedFile({ path: 'a.js', original: 'a();\n', proposed: 'b();\n// ... rest unchanged \u001b[2J\n' }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) {
    assert.not.match(verdict.message, /\u001b/);
    assert.match(verdict.message, /\\u001b\[2J/);
  }
});

test.run();
