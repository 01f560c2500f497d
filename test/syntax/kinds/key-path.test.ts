import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDataTree } from '../../../src/syntax/kinds/data-tree.js';
import { joinKeyPath, resolveKeyPath, splitKeyPath } from '../../../src/syntax/kinds/key-path.js';

test('split: dots, brackets and quoted keys', () => {
  assert.equal(splitKeyPath('scripts.test'), ['scripts', 'test']);
  assert.equal(splitKeyPath('jobs.build.steps[2].run'), ['jobs', 'build', 'steps', '2', 'run']);
  assert.equal(splitKeyPath('"editor.formatOnSave"'), ['editor.formatOnSave']);
  assert.equal(splitKeyPath('tool."black.extra".x'), ['tool', 'black.extra', 'x']);
  assert.equal(splitKeyPath('a["b.c"]'), ['a', 'b.c']);
});

test('join: brackets for positions, quotes around keys with dots', () => {
  assert.is(joinKeyPath(['jobs', 'test', 'steps', 0, 'run']), 'jobs.test.steps[0].run');
  assert.is(joinKeyPath(['editor.formatOnSave']), '"editor.formatOnSave"');
});

const json = '{ "scripts": { "test": "uvu", "test:unit": "x" }, "editor.formatOnSave": true, "a": { "b.c": { "d": 1 } }, "list": [ { "name": "x" } ] }';

const cases: [string, (string | number)[] | undefined][] = [
  ['scripts.test', ['scripts', 'test']],
  ['scripts.test:unit', ['scripts', 'test:unit']],
  ['editor.formatOnSave', ['editor.formatOnSave']],
  ['"editor.formatOnSave"', ['editor.formatOnSave']],
  ['a.b.c.d', ['a', 'b.c', 'd']],
  ['list[0].name', ['list', 0, 'name']],
  ['list.0.name', ['list', 0, 'name']],
  ['list[1]', undefined],
  ['scripts.build', undefined],
  ['nothing', undefined],
];

for (const [path, expected] of cases) {
  test(`resolve ${path}`, async () => {
    const tree = (await readDataTree('json', json))!;
    assert.equal(resolveKeyPath(tree, path), expected);
  });
}

test('TOML tables and INI sections are keys', async () => {
  const toml = (await readDataTree('toml', '[tool.black]\nline-length = 88\n'))!;
  assert.equal(resolveKeyPath(toml, 'tool.black.line-length'), ['tool', 'black', 'line-length']);
  const ini = (await readDataTree('ini', 'root = 1\n[flake8]\nmax-line-length = 100\n'))!;
  assert.equal(resolveKeyPath(ini, 'flake8.max-line-length'), ['flake8', 'max-line-length']);
  assert.equal(resolveKeyPath(ini, 'root'), ['root']);
});

test('multi-document YAML is addressed by document index; anchors resolve', async () => {
  const yaml = (await readDataTree('yaml', 'base: &b\n  x: 1\nuse: *b\n---\nkind: Service\n'))!;
  assert.equal(resolveKeyPath(yaml, '0.use.x'), [0, 'use', 'x']);
  assert.equal(resolveKeyPath(yaml, '1.kind'), [1, 'kind']);
});

test.run();
