import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkScope } from '../../src/guard/scope-check.js';
import { proseSections } from '../../src/syntax/kinds/prose-sections.js';
import { proposedFile } from './proposed-file-fixture.js';

const readme = '# Demo\n\nIntro.\n\n## Install\n\n```sh\n# not a heading\nnpm i\n```\n\n## Usage\n\nRun it.\n\n### Flags\n\n-v\n\nSetext title\n------------\n\nBody.\n\n## License\n\nMIT\n';

test('sections: ATX and setext headings, fenced "#" lines ignored, parents tracked', async () => {
  const sections = await proseSections('markdown', readme);
  assert.equal(sections.map((section) => [section.heading, section.level, section.parents.join('>')]), [
    ['Demo', 1, ''],
    ['Install', 2, 'Demo'],
    ['Usage', 2, 'Demo'],
    ['Flags', 3, 'Demo>Usage'],
    ['Setext title', 2, 'Demo'],
    ['License', 2, 'Demo'],
  ]);
  assert.is(sections.map((section) => readme.slice(section.startIndex, section.endIndex)).join(''), readme);
});

test('sections: reStructuredText underlines and overlines', async () => {
  const rst = '=====\nTitle\n=====\n\nIntro.\n\nInstall\n-------\n\nText.\n\nSub\n~~~\n\nMore.\n';
  assert.equal((await proseSections('rst', rst)).map((section) => [section.heading, section.level]), [['Title', 1], ['Install', 2], ['Sub', 3]]);
});

const cases: [string, string, string, string, string[], string, boolean, RegExp?][] = [
  ['a named section changed', 'README.md', readme, readme.replace('Run it.', 'Run it with npm start.'), ['Usage'], 'Document npm start.', true],
  ['a subsection of a named section changed', 'README.md', readme, readme.replace('-v\n', '-v, --verbose\n'), ['Usage'], 'Document the flags.', true],
  ['a section the instruction names changed', 'README.md', readme, readme.replace('Run it.', 'Run it with npm start.'), [], 'Document npm start in the Usage section.', true],
  ['a new section added', 'README.md', readme, readme.replace('## License', '## Testing\n\nnpm test\n\n## License'), [], 'Add a Testing section.', true],
  ['a new section with a code fence', 'README.md', readme, readme.replace('## License', '## Testing\n\n```sh\n# run\nnpm test\n```\n\n## License'), [], 'Add a Testing section.', true],
  ['blank lines aside', 'README.md', readme, readme.replace('## License\n\nMIT\n', '## License\nMIT\n\n\n'), ['Usage'], 'x', true],
  ['an unnamed section changed', 'README.md', readme, readme.replace('Run it.', 'Run it now.').replace('MIT', 'ISC'), ['Usage'], 'Document npm start.', false, /also changed the section "License"/],
  ['a section lost', 'README.md', readme, readme.replace('## License\n\nMIT\n', ''), ['Usage'], 'Document npm start.', false, /removed the section "License"/],
  ['replaced by one sentence', 'README.md', readme, 'This is a demo.\n', [], 'Document npm start.', false, /removed the section/],
  ['"... rest unchanged"', 'README.md', readme, `${readme.split('## Usage')[0]}... (rest of the README unchanged)\n`, [], 'x', false, /removed the section "Usage"/],
  ['a section removed when asked', 'README.md', readme, readme.replace('## License\n\nMIT\n', ''), ['License'], 'Remove the License section.', true],
  ['rst: another section changed', 'docs/a.rst', 'Alpha\n=====\n\nx\n\nBeta\n----\n\ny\n', 'Alpha\n=====\n\nx2\n\nBeta\n----\n\ny2\n', ['Beta'], 'Change Beta.', false, /"Alpha"/],
  // A mention is not a name: the title (often the project's name) and a heading every version repeats.
  ['the instruction mentions the title, and another section changed', 'README.md', readme, readme.replace('MIT', 'ISC').replace('Run it.', 'Run it now.'), [], `Document npm start in the ${readme.split('\n')[0]!.replace(/^#+ /, '')} README's Usage section.`, false, /"License"/],
  ['the title\'s own text changed when the instruction mentions it', 'README.md', readme, readme.replace(/^(# [^\n]+\n\n)[^\n]+/, '$1A better intro.'), [], `Improve the intro of ${readme.split('\n')[0]!.replace(/^#+ /, '')}.`, true],
  ['a changelog: "Added" under another version changed', 'CHANGELOG.md', '# Changelog\n\n## 1.1\n\n### Added\n\n- x\n\n## 1.0\n\n### Added\n\n- y\n', '# Changelog\n\n## 1.1\n\n### Added\n\n- x\n- z\n\n## 1.0\n\n### Added\n\n- y\n- w\n', ['1.1'], 'Add z to the 1.1 Added list.', false, /"Added"/],
  ['a changelog: the named version\'s "Added" changed', 'CHANGELOG.md', '# Changelog\n\n## 1.1\n\n### Added\n\n- x\n\n## 1.0\n\n### Added\n\n- y\n', '# Changelog\n\n## 1.1\n\n### Added\n\n- x\n- z\n\n## 1.0\n\n### Added\n\n- y\n', ['1.1'], 'Add z to the 1.1 Added list of the changelog.', true],
  ['plain text has no sections', 'notes.txt', 'a\nb\n', 'c\n', [], 'x', true],
];

for (const [title, path, original, proposed, symbols, instruction, ok, pattern] of cases) {
  test(`prose scope: ${title}`, async () => {
    const verdict = await checkScope(proposedFile({ path, original, proposed, intendedSymbols: symbols, instruction, mayRemoveSymbols: /remove/i.test(instruction) }));
    assert.is(verdict.ok, ok, verdict.ok ? 'passed' : verdict.message);
    if (!verdict.ok && pattern) assert.match(verdict.message, pattern);
  });
}

test('prose create: a heading the plan names must be there', async () => {
  const missing = await checkScope(proposedFile({ path: 'docs/new.md', original: undefined, proposed: '# Guide\n\ntext\n', intendedSymbols: ['Guide', 'Setup'] }));
  assert.ok(!missing.ok);
  const present = await checkScope(proposedFile({ path: 'docs/new.md', original: undefined, proposed: '# Guide\n\n## Setup\n', intendedSymbols: ['Guide', 'Setup'] }));
  assert.ok(present.ok);
});

test.run();
