import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkScope } from '../../src/guard/scope-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const pkg = '{\n  "name": "a",\n  "version": "1.0.0",\n  "scripts": {\n    "start": "node .",\n    "build": "tsc"\n  },\n  "files": ["dist", "bin"]\n}\n';

/** [title, path, original, proposed, symbols, instruction, ok, message pattern] */
const cargoWithSerde = '[package]\nname = "demo"\nversion = "0.1.0"\n\n[dependencies]\nserde = { version = "1.0", features = ["derive"] }\n';

const cases: [string, string, string | undefined, string, string[], string, boolean, RegExp?][] = [
  ['an added key passes', 'package.json', pkg, pkg.replace('"build": "tsc"', '"build": "tsc",\n    "test": "uvu"'), ['scripts.test'], 'Add a test script.', true],
  ['an added key passes with no symbols named', 'package.json', pkg, pkg.replace('"build": "tsc"', '"build": "tsc",\n    "test": "uvu"'), [], 'Add a test script.', true],
  ['a named key changes', 'package.json', pkg, pkg.replace('1.0.0', '1.1.0'), ['version'], 'Bump the version.', true],
  // A mentioned key name means the shallowest key of that name, or the one whose path the instruction also names.
  ['"bump the version" does not free a dependency\'s version', 'Cargo.toml', cargoWithSerde, cargoWithSerde.replace('0.1.0', '0.2.0').replace('"1.0"', '"2.0"'), [], 'Bump the version to 0.2.0.', false, /dependencies\.serde\.version/],
  ['"bump the version" changes the package version', 'Cargo.toml', cargoWithSerde, cargoWithSerde.replace('0.1.0', '0.2.0'), [], 'Bump the version to 0.2.0.', true],
  ['"bump the serde version" changes serde\'s version', 'Cargo.toml', cargoWithSerde, cargoWithSerde.replace('"1.0"', '"1.1"'), [], 'Bump the serde version to 1.1.', true],
  ['"bump the serde version" does not free the package version', 'Cargo.toml', cargoWithSerde, cargoWithSerde.replace('"1.0"', '"1.1"').replace('0.1.0', '0.1.1'), [], 'Bump the serde version to 1.1.', false, /package\.version/],
  ['a file with a byte-order mark still has its keys checked', 'package.json', `\uFEFF${pkg}`, `\uFEFF${pkg.replace('1.0.0', '1.1.0').replace('"build": "tsc"', '"build": "tsc -b"')}`, ['version'], 'Bump the version.', false, /scripts\.build/],
  ['a key the instruction names changes (planner left symbols empty)', 'package.json', pkg, pkg.replace('1.0.0', '1.1.0'), [], 'Bump the version to 1.1.0.', true],
  ['an unnamed key changed', 'package.json', pkg, pkg.replace('1.0.0', '1.1.0').replace('"tsc"', '"tsc -p ."'), ['version'], 'Bump the version.', false, /also changed scripts\.build/],
  ['a key lost', 'package.json', pkg, pkg.replace('    "start": "node .",\n', ''), ['scripts.test'], 'Add a test script.', false, /removed scripts\.start/],
  ['a key lost under a named map still needs a removal request', 'package.json', pkg, pkg.replace('    "start": "node .",\n', ''), ['scripts'], 'Add a test script to scripts.', false, /removed scripts\.start/],
  ['a named key removed when asked', 'package.json', pkg, pkg.replace('    "start": "node .",\n', ''), ['scripts.start'], 'Remove the start script.', true],
  ['an unnamed key removed although removal was asked', 'package.json', pkg, pkg.replace('  "version": "1.0.0",\n', '').replace('    "start": "node .",\n', ''), ['scripts.start'], 'Remove the start script.', false, /removed version/],
  ['keys reordered', 'package.json', pkg, pkg.replace('  "name": "a",\n  "version": "1.0.0",\n', '  "version": "1.0.0",\n  "name": "a",\n'), ['scripts.test'], 'Add a test script.', false, /reordered the keys of the top level/],
  ['a list item appended', 'package.json', pkg, pkg.replace('"bin"]', '"bin", "lib"]'), [], 'Ship lib.', true],
  ['a list item changed', 'package.json', pkg, pkg.replace('"bin"]', '"cli"]'), [], 'Ship lib.', false, /files\[1\]/],
  ['a value type change ("1" vs 1)', 'a.json', '{"a": 1, "b": 2}\n', '{"a": 1, "b": "2"}\n', ['c'], 'Add c.', false, /also changed b/],
  ['the whole file replaced by a scalar (YAML)', 'a.yml', 'a: 1\nb: 2\n', 'Sorry, I cannot\n', [], 'Add c.', false, /changed the whole file/],
  ['YAML: a workflow step inserted', 'ci.yml', 'jobs:\n  t:\n    steps:\n      - run: a\n      - run: b\n', 'jobs:\n  t:\n    steps:\n      - run: a\n      - run: lint\n      - run: b\n', [], 'Add a lint step.', true],
  ['YAML: an anchor kept as an alias or expanded is the same data', 'a.yml', 'd: &d\n  x: 1\nu: *d\n', 'd: &d\n  x: 1\nu:\n  x: 1\nv: 2\n', [], 'Add v.', true],
  ['YAML: a change through an alias target', 'a.yml', 'd: &d\n  x: 1\nu: *d\n', 'd: &d\n  x: 2\nu: *d\n', ['u.x'], 'Set u.x to 2.', false, /also changed d\.x/],
  ['YAML multi-document: the other document kept', 'k.yaml', 'a: 1\n---\nb: 2\n', 'a: 5\n---\nb: 2\n', ['0.a'], 'Set a to 5.', true],
  ['YAML multi-document: the other document changed', 'k.yaml', 'a: 1\n---\nb: 2\n', 'a: 5\n---\nb: 3\n', ['0.a'], 'Set a to 5.', false, /\[1\]\.b/],
  ['TOML: a table value changed alongside', 'pyproject.toml', '[project]\nversion = "1"\n[tool.black]\nline-length = 88\n', '[project]\nversion = "2"\n[tool.black]\nline-length = 100\n', ['project.version'], 'Bump the version.', false, /tool\.black\.line-length/],
  ['TOML: a new table', 'pyproject.toml', '[project]\nversion = "1"\n', '[project]\nversion = "1"\n\n[tool.ruff]\nline-length = 88\n', [], 'Configure ruff.', true],
  ['INI: a section value changed alongside', 'setup.cfg', '[a]\nx = 1\n[b]\ny = 2\n', '[a]\nx = 5\n[b]\ny = 3\n', ['a.x'], 'Set x.', false, /b\.y/],
  ['JSONC: keys with dots', '.vscode/settings.json', '{\n  "editor.tabSize": 2,\n  "files.eol": "\\n"\n}\n', '{\n  "editor.tabSize": 4,\n  "files.eol": "\\n"\n}\n', ['editor.tabSize'], 'Use 4 spaces.', true],
  ['a create lacking a named key', 'new.json', undefined, '{"port": 1}\n', ['port', 'host'], 'Create the config.', false, /lacks host/],
  ['a create with every named key', 'new.yml', undefined, 'port: 1\nhost: x\n', ['port', 'host'], 'Create the config.', true],
  ['JSONC: a comment dropped', 'tsconfig.json', '{\n  // why strict\n  "strict": true\n}\n', '{\n  "strict": true,\n  "x": 1\n}\n', ['x'], 'Add x.', false, /dropped the comment "\/\/ why strict"/],
  ['JSONC: comments kept, key added', 'tsconfig.json', '{\n  // why strict\n  "strict": true /* yes */\n}\n', '{\n  // why strict\n  "strict": true, /* yes */\n  "x": 1\n}\n', ['x'], 'Add x.', true],
  ['YAML: a comment dropped', 'ci.yml', '# top\na: 1 # one\n', 'a: 1 # one\nb: 2\n', [], 'Add b.', false, /dropped the comment "# top"/],
  ['YAML: a "#" inside a block scalar is not a comment', 'ci.yml', 'run: |\n  # setup\n  npm ci\n', 'run: |\n  npm ci\n', ['run'], 'Drop the setup line.', true],
  ['YAML: a comment on the named key may change with it', 'ci.yml', 'node: 18 # node LTS\n', 'node: 20 # node 20 LTS\n', ['node'], 'Use node 20.', true],
  ['TOML: a comment dropped', 'pyproject.toml', '# tool settings\n[tool.black]\nline-length = 88\n', '[tool.black]\nline-length = 88\ntarget = "py311"\n', [], 'Set the target.', false, /dropped the comment/],
  ['INI: a comment dropped', 'setup.cfg', '; lint\n[flake8]\nx = 1\n', '[flake8]\nx = 1\ny = 2\n', [], 'Add y.', false, /dropped the comment "; lint"/],
  ['a comment removed when the task is about comments', 'ci.yml', '# old note\na: 1\n', 'a: 1\n', [], 'Delete the outdated comment.', true],
  ['an original that does not parse proves nothing', 'a.json', '{"a": 1,,}', '{"b": 2}', [], 'x', true],
];

for (const [title, path, original, proposed, symbols, instruction, ok, pattern] of cases) {
  test(`data scope: ${title}`, async () => {
    const verdict = await checkScope(proposedFile({ path, original, proposed, intendedSymbols: symbols, instruction, mayRemoveSymbols: /remove/i.test(instruction) }));
    assert.is(verdict.ok, ok, verdict.ok ? 'passed' : verdict.message);
    if (!verdict.ok && pattern) {
      assert.match(verdict.message, pattern);
      assert.ok(verdict.message.startsWith(`${path}: `));
      assert.match(verdict.feedback, /^Your? /);
    }
  });
}

test('the feedback shows the old and new value of the first unwanted change', async () => {
  const verdict = await checkScope(proposedFile({ path: 'package.json', original: pkg, proposed: pkg.replace('"tsc"', '"tsc -b"'), intendedSymbols: ['version'], instruction: 'x' }));
  assert.ok(!verdict.ok);
  if (!verdict.ok) assert.match(verdict.feedback, /scripts\.build was "tsc", your reply has "tsc -b"/);
});

test.run();
