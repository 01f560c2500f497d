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
];

for (const { title, path, original, proposed, instruction, mayRemoveSymbols } of passingCases) {
  test(`elision: passes: ${title}`, () => {
    const verdict = checkElision(proposedFile({ path, original, proposed, ...(instruction ? { instruction } : {}), mayRemoveSymbols: mayRemoveSymbols ?? false }));
    assert.is(verdict.ok, true, verdict.ok ? '' : verdict.message);
  });
}

const longOriginal = Array.from({ length: 30 }, (_, index) => `function f${index}() {\n  return ${index};\n}`).join('\n') + '\n';
const shortened = Array.from({ length: 10 }, (_, index) => `function f${index}() {\n  return ${index};\n}`).join('\n') + '\n';

test('elision: a file that lost most of its lines fails when nothing asked for removal', () => {
  const verdict = checkElision(proposedFile({ path: 'a.js', original: longOriginal, proposed: shortened, instruction: 'Make f1 return 2.' }));
  assert.is(verdict.ok, false);
  if (!verdict.ok) assert.match(verdict.message, /dropped 60 of 90 lines/);
});

test('elision: lost lines pass when the instruction asks to remove things', () => {
  assert.ok(checkElision(proposedFile({ path: 'a.js', original: longOriginal, proposed: shortened, instruction: 'Remove the functions f10 to f29.' })).ok);
  assert.ok(checkElision(proposedFile({ path: 'a.js', original: longOriginal, proposed: shortened, instruction: 'Tidy.', mayRemoveSymbols: true })).ok);
});

test('elision: a small file losing a few lines passes (under 10 lines lost)', () => {
  assert.ok(checkElision(proposedFile({ path: 'a.js', original: javascript, proposed: 'function a() {\n  return 1;\n}\n', instruction: 'Make a return 1.' })).ok);
});

test('elision: a new file with a placeholder fails', () => {
  const verdict = checkElision(proposedFile({ path: 'new.js', original: undefined, proposed: 'function a() {\n  // ... implementation here\n}\n' }));
  assert.is(verdict.ok, false);
});

test.run();
