import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkShrinkage, lostShareLimit, minimumLinesLost } from '../../src/guard/shrinkage-check.js';
import { proposedFile } from './proposed-file-fixture.js';

/*
 * The threshold, measured with `node --import tsx bench/shrinkage.mjs` on this repository's own
 * history (144 real modifications of text files whose commit subject has no removal word, and
 * 480 damaged replies built from the 160 "before" files of all modifications):
 *
 *   share  min  good edits refused   damaged landed: changed part only / first 40% / one sentence
 *   0.3     3   1 (0.7%)             16/160 / 0/160 / 0/160
 *   0.4     3   0                    17/160 / 0/160 / 0/160
 *   0.5     3   0                    18/160 / 0/160 / 0/160     <- chosen
 *   0.6     3   0                    22/160 / 96/160 / 0/160
 *   0.5    10   0                    19/160 / 14/160 / 13/160   (the old rule: >10 lines and >40%)
 *
 * The largest share of lines a good edit lost was 35% (99th percentile 18%), so refusing above
 * 50% leaves a wide margin for legitimate edits while still catching a reply cut to 40% of the
 * file. A minimum of 3 lines (not the old 10) is what catches small files: a 9-line README or
 * a 6-line package.json replaced by one sentence. The "changed part only" replies that land
 * are those where the change was most of the file anyway.
 */

const readme = '# js-app\n\nA tiny API client.\n\n- `src/api.js`: fetchUser, fetchPosts\n- `src/auth.js`: validateToken\n- `src/utils.js`: helpers\n\nRun the tests with `node test/auth.test.js`.\n';
const packageJson = '{\n  "name": "js-app",\n  "version": "1.0.0",\n  "type": "module",\n  "scripts": { "test": "node test/auth.test.js", "start": "node src/index.js" }\n}\n';
const longJs = Array.from({ length: 30 }, (_, index) => `function f${index}() {\n  return ${index};\n}`).join('\n') + '\n';
const onlyOneFunction = 'function f3() {\n  return 33;\n}\n';

const shrunk: { title: string; path: string; original: string; proposed: string; instruction: string }[] = [
  { title: 'a README replaced by one sentence', path: 'README.md', original: readme, proposed: 'js-app is a tiny API client.\n', instruction: 'Document the retry option in the README.' },
  { title: 'package.json reduced to the new script', path: 'package.json', original: packageJson, proposed: '{ "scripts": { "lint": "eslint ." } }\n', instruction: 'Add a lint script.' },
  { title: 'a code file reduced to the changed function', path: 'src/a.js', original: longJs, proposed: onlyOneFunction, instruction: 'Make f3 return 33.' },
  { title: 'a file cut to its first 40%', path: 'notes.txt', original: Array.from({ length: 20 }, (_, index) => `note ${index}`).join('\n') + '\n', proposed: Array.from({ length: 8 }, (_, index) => `note ${index}`).join('\n') + '\n', instruction: 'Fix the typo in note 3.' },
];

for (const { title, path, original, proposed, instruction } of shrunk) {
  test(`shrinkage: refused: ${title}`, () => {
    const verdict = checkShrinkage(proposedFile({ path, original, proposed, instruction, intendedSymbols: [] }));
    assert.is(verdict.ok, false);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(`^${path.replace(/\./g, '\\.')}: the reply dropped \\d+ of \\d+ lines`));
      assert.match(verdict.feedback, /keeping every line you do not need to change/);
    }
  });
}

const fine: { title: string; path: string; original: string; proposed: string; instruction: string; mayRemoveSymbols?: boolean }[] = [
  { title: 'an instruction that asks for removal', path: 'src/a.js', original: longJs, proposed: onlyOneFunction, instruction: 'Remove every function but f3.' },
  { title: 'the task may remove symbols', path: 'src/a.js', original: longJs, proposed: onlyOneFunction, instruction: 'Tidy up.', mayRemoveSymbols: true },
  { title: 'a small file losing two lines (under the minimum)', path: 'a.js', original: 'const a = 1;\nconst b = 2;\nconst c = 3;\n', proposed: 'const a = 1;\n', instruction: 'Make a 1.' },
  { title: 'a good edit that shortens a function by a third', path: 'src/a.js', original: readme, proposed: readme.replace('- `src/utils.js`: helpers\n', '').replace('- `src/auth.js`: validateToken\n', ''), instruction: 'List only the API module.' },
  { title: 'a growing file', path: 'README.md', original: readme, proposed: `${readme}\n## Retry\n\nfetchUser retries 3 times.\n`, instruction: 'Document retry.' },
  { title: 'blank lines do not count', path: 'README.md', original: readme, proposed: readme.replace(/\n\n/g, '\n').replace('Run', 'Execute'), instruction: 'Say execute.' },
];

for (const { title, path, original, proposed, instruction, mayRemoveSymbols } of fine) {
  test(`shrinkage: passes: ${title}`, () => {
    const verdict = checkShrinkage(proposedFile({ path, original, proposed, instruction, intendedSymbols: [], mayRemoveSymbols: mayRemoveSymbols ?? false }));
    assert.is(verdict.ok, true, verdict.ok ? '' : verdict.message);
  });
}

test('shrinkage: a new file is never shrunk', () => {
  assert.ok(checkShrinkage(proposedFile({ original: undefined, proposed: 'x\n' })).ok);
});

test('shrinkage: the documented thresholds', () => {
  assert.is(lostShareLimit, 0.5);
  assert.is(minimumLinesLost, 3);
});

test.run();
