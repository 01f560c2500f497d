import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { outlineSymbols, findSymbol } from '../../../src/syntax/outline.js';
import { renderRepoMap } from '../../../src/syntax/repo-map.js';
import { spliceSymbol } from '../../../src/agent/symbol-splice.js';
import { checkProposedFile } from '../../../src/guard/output-checks.js';

const pkg = '{\n  "name": "a",\n  "scripts": {\n    "start": "node .",\n    "test": "uvu"\n  },\n  "dependencies": { "zod": "^4" }\n}\n';

test('a data file outlines its key paths two levels deep, with line ranges', async () => {
  const symbols = await outlineSymbols('package.json', pkg);
  assert.equal(symbols.map((symbol) => symbol.signature), ['name', 'scripts', 'scripts.start', 'scripts.test', 'dependencies', 'dependencies.zod']);
  const test = findSymbol(symbols, 'scripts.test')!;
  assert.is(test.startLine, 5);
  assert.is(pkg.slice(test.startIndex, test.endIndex), '"test": "uvu"');
});

test('YAML, TOML and INI outline keys too', async () => {
  assert.equal((await outlineSymbols('ci.yml', 'name: CI\njobs:\n  test:\n    steps: []\n')).map((symbol) => symbol.signature), ['name', 'jobs', 'jobs.test']);
  assert.equal((await outlineSymbols('pyproject.toml', '[project]\nversion = "1"\n')).map((symbol) => symbol.signature), ['project', 'project.version']);
  assert.equal((await outlineSymbols('setup.cfg', '[flake8]\nmax = 1\n')).map((symbol) => symbol.signature), ['flake8', 'flake8.max']);
});

test('TOML keys and tables carry their ranges (for symbol mode), multi-line values included', async () => {
  const text = '[project]\nversion = "1"\ndependencies = [\n  "a",\n]\n\n[tool.black]\nline-length = 88\n';
  const symbols = await outlineSymbols('pyproject.toml', text);
  const slice = (name: string) => {
    const symbol = findSymbol(symbols, name)!;
    return text.slice(symbol.startIndex, symbol.endIndex);
  };
  assert.is(slice('project.version'), 'version = "1"');
  assert.is(slice('project.dependencies'), 'dependencies = [\n  "a",\n]');
  assert.is(slice('tool'), '[tool.black]\nline-length = 88');
});

test('a prose file outlines its headings; a code block "#" line is not one', async () => {
  const symbols = await outlineSymbols('README.md', '# Demo\n\n```sh\n# nope\n```\n\n## Usage\n\ntext\n');
  assert.equal(symbols.map((symbol) => symbol.signature), ['# Demo', '## Usage']);
  const usage = findSymbol(symbols, 'Usage')!;
  assert.is(usage.startLine, 7);
  assert.is(usage.endLine, 9);
});

test('the repo map lists key paths grouped under their parent', async () => {
  const symbols = await outlineSymbols('package.json', pkg);
  const map = await renderRepoMap({ request: 'add a lint script', files: [{ path: 'package.json', objectId: 'x', symbols, lineCount: 9 }], maxTokens: 1000, countTokens: (text) => text.length / 4 });
  assert.is(map, 'package.json (9 lines): name, scripts{start,test}, dependencies{zod}');
});

test('a Makefile outlines its targets (special ones aside), each with its recipe', async () => {
  const makefile = '.PHONY: build test\nCC := cc\n\nbuild:\n\tnpm run build\n\ntest lint: build\n\tnpm test\n\n%.o: %.c\n\t$(CC) -c $<\n';
  const symbols = await outlineSymbols('Makefile', makefile);
  assert.equal(symbols.map((symbol) => [symbol.name, symbol.startLine, symbol.endLine]), [['build', 4, 5], ['test', 7, 8], ['lint', 7, 8], ['%.o', 10, 11]]);
});

test('a data file that does not parse has no outline, and code keeps its own', async () => {
  assert.equal(await outlineSymbols('package.json', '{ "a": '), []);
  assert.equal((await outlineSymbols('a.js', 'function f() {}\n')).map((symbol) => symbol.name), ['f']);
});

test('symbol mode on a section or a key: the reply spliced over the outline range passes every check', async () => {
  const cases = [
    { path: 'README.md', original: '# Demo\n\nIntro.\n\n## Usage\n\nRun it.\n\n## License\n\nMIT\n', name: 'Usage', reply: '## Usage\n\nRun it with npm start.\n', expected: '# Demo\n\nIntro.\n\n## Usage\n\nRun it with npm start.\n\n## License\n\nMIT\n' },
    { path: 'pyproject.toml', original: '[project]\nversion = "1"\n\n[tool.black]\nline-length = 88\n', name: 'project.version', reply: 'version = "2"\n', expected: '[project]\nversion = "2"\n\n[tool.black]\nline-length = 88\n' },
    { path: 'package.json', original: '{\n  "version": "1.0.0",\n  "private": true\n}\n', name: 'version', reply: '"version": "1.1.0"', expected: '{\n  "version": "1.1.0",\n  "private": true\n}\n' },
    { path: 'ci.yml', original: 'name: CI\nenv:\n  NODE: 18\non: push\n', name: 'env.NODE', reply: 'NODE: 20\n', expected: 'name: CI\nenv:\n  NODE: 20\non: push\n' },
  ];
  for (const { path, original, name, reply, expected } of cases) {
    const symbol = findSymbol(await outlineSymbols(path, original), name)!;
    const spliced = spliceSymbol(original, symbol, reply);
    assert.is(spliced, expected, path);
    const report = await checkProposedFile({ path, original, proposed: spliced, instruction: 'Change it.', doneReason: 'stop', intendedSymbols: [name], mayRemoveSymbols: false, otherFiles: [], symbolMode: true });
    assert.is(report.failure, undefined, report.failure?.message);
  }
});

test.run();
