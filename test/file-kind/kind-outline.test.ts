import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { outlineSymbols, findSymbol } from '../../src/syntax/outline.js';
import { renderRepoMap } from '../../src/syntax/repo-map.js';

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
  assert.is(slice('project.version'), 'version = "1"\n');
  assert.is(slice('project.dependencies'), 'dependencies = [\n  "a",\n]\n\n');
  assert.is(slice('tool'), '[tool.black]\nline-length = 88\n');
});

test('a prose file outlines its headings; a code block "#" line is not one', async () => {
  const symbols = await outlineSymbols('README.md', '# Demo\n\n```sh\n# nope\n```\n\n## Usage\n\ntext\n');
  assert.equal(symbols.map((symbol) => symbol.signature), ['# Demo', '## Usage']);
  assert.is(findSymbol(symbols, 'Usage')?.startLine, 7);
});

test('the repo map lists key paths grouped under their parent', async () => {
  const symbols = await outlineSymbols('package.json', pkg);
  const map = await renderRepoMap({ request: 'add a lint script', files: [{ path: 'package.json', objectId: 'x', symbols, lineCount: 9 }], maxTokens: 1000, countTokens: (text) => text.length / 4 });
  assert.is(map, 'package.json (9 lines): name, scripts{start,test}, dependencies{zod}');
});

test('a data file that does not parse has no outline, and code keeps its own', async () => {
  assert.equal(await outlineSymbols('package.json', '{ "a": '), []);
  assert.equal((await outlineSymbols('a.js', 'function f() {}\n')).map((symbol) => symbol.name), ['f']);
});

test.run();
