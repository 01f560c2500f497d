import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Plan } from '../../src/agent/plan-schema.js';
import { RefusalError } from '../../src/errors/litecode-error.js';
import { checkPlan, type PlanContext } from '../../src/guard/plan-check.js';
import { outlineSymbols } from '../../src/syntax/outline.js';

/** An in-memory tree is enough here: the plan check only reads blobs through the context. */
const files: Record<string, string> = {
  'package.json': '{\n  "name": "demo",\n  "version": "1.0.0",\n  "scripts": { "start": "node ." },\n  "files": ["dist"]\n}\n',
  '.vscode/settings.json': '{\n  // editor\n  "editor.formatOnSave": true,\n}\n',
  '.github/workflows/ci.yml': 'name: CI\njobs:\n  test:\n    steps:\n      - run: npm test\n',
  'pyproject.toml': '[project]\nname = "demo"\nversion = "0.1.0"\n\n[tool.black]\nline-length = 88\n',
  'setup.cfg': '[flake8]\nmax-line-length = 100\n',
  'README.md': '# Demo\n\nIntro.\n\n## Install\n\n```sh\n# Not a heading\n```\n\n## Usage\n\nRun it.\n',
  'docs/guide.rst': 'Guide\n=====\n\nSetup\n-----\n\nText.\n',
  'broken.json': '{ "a": 1,, }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'Cargo.lock': '# generated\n',
  'src/index.js': 'function main() {}\n',
};

function context(request: string): PlanContext {
  const trackedFiles: PlanContext['trackedFiles'] = new Map(Object.keys(files).map((path, index) => [path, { objectId: String(index).padStart(40, '0'), kind: 'file' as const }]));
  const readFile = async (path: string) => Buffer.from(files[path] ?? '');
  return { request, trackedFiles, readFile, symbolsOf: async (path) => outlineSymbols(path, files[path] ?? ''), repositoryRoot: '/nowhere', ignoredPaths: new Set() };
}

function plan(file: string, action: 'modify' | 'create' | 'delete' | 'rename' | 'read', symbols: string[], kind: 'edit' | 'question' = 'edit'): Plan {
  return Plan.parse({ kind, synthesis: 'Changed it.', tasks: [{ file, action, symbols, instruction: 'Do it.' }] });
}

async function outcome(file: string, action: 'modify' | 'create' | 'delete' | 'rename' | 'read', symbols: string[]): Promise<string> {
  try {
    await checkPlan(plan(file, action, symbols), context(`change ${file}`));
    return 'ok';
  } catch (error) {
    if (!(error instanceof RefusalError)) throw error;
    assert.not.match(error.toOneLine(), /\n/);
    return error.toOneLine();
  }
}

const symbolCases: { file: string; symbols: string[]; ok: boolean; pattern?: RegExp }[] = [
  { file: 'package.json', symbols: ['version'], ok: true },
  { file: 'package.json', symbols: ['scripts.start'], ok: true },
  { file: 'package.json', symbols: ['scripts.test'], ok: true },
  { file: 'package.json', symbols: ['files[0]'], ok: true },
  { file: 'package.json', symbols: ['files.0'], ok: true },
  { file: 'package.json', symbols: ['devDependencies'], ok: true },
  { file: 'package.json', symbols: ['engines.node'], ok: true },
  { file: 'package.json', symbols: ['engines.node.version'], ok: false, pattern: /engines\.node\.version is not a key in package\.json.*has the keys/ },
  { file: 'package.json', symbols: ['version.major'], ok: false, pattern: /version\.major is not a key/ },
  { file: 'package.json', symbols: ['name.first.second'], ok: false, pattern: /name\.first\.second is not a key/ },
  { file: 'package.json', symbols: ['fetchUser'], ok: true },
  { file: '.vscode/settings.json', symbols: ['editor.formatOnSave'], ok: true },
  { file: '.vscode/settings.json', symbols: ['"editor.formatOnSave"'], ok: true },
  { file: '.github/workflows/ci.yml', symbols: ['jobs.test.steps'], ok: true },
  { file: '.github/workflows/ci.yml', symbols: ['jobs.test.steps[0].run'], ok: true },
  { file: '.github/workflows/ci.yml', symbols: ['jobs.build.steps'], ok: true },
  { file: '.github/workflows/ci.yml', symbols: ['jobs.build.steps.run.x'], ok: false, pattern: /jobs\.build\.steps\.run\.x is not a key/ },
  { file: '.github/workflows/ci.yml', symbols: ['name.x'], ok: false, pattern: /name\.x is not a key/ },
  { file: 'pyproject.toml', symbols: ['project.version'], ok: true },
  { file: 'pyproject.toml', symbols: ['tool.black.line-length'], ok: true },
  { file: 'pyproject.toml', symbols: ['tool.ruff.select'], ok: true },
  { file: 'pyproject.toml', symbols: ['project.version.x'], ok: false, pattern: /project\.version\.x is not a key/ },
  { file: 'setup.cfg', symbols: ['flake8.max-line-length'], ok: true },
  { file: 'README.md', symbols: ['Usage'], ok: true },
  { file: 'README.md', symbols: ['## Install'], ok: true },
  { file: 'README.md', symbols: ['Demo > Usage'], ok: true },
  { file: 'README.md', symbols: ['Not a heading'], ok: false, pattern: /Not a heading is not a heading in README\.md.*has the sections/ },
  { file: 'README.md', symbols: ['Contributing'], ok: false, pattern: /Contributing is not a heading in README\.md/ },
  { file: 'docs/guide.rst', symbols: ['Setup'], ok: true },
  { file: 'broken.json', symbols: ['a'], ok: false, pattern: /broken\.json is not valid JSON/ },
];

for (const { file, symbols, ok, pattern } of symbolCases) {
  test(`plan symbols: ${file} ${symbols.join(', ')} → ${ok ? 'accepted' : 'refused'}`, async () => {
    const result = await outcome(file, 'modify', symbols);
    if (ok) assert.is(result, 'ok');
    else assert.match(result, pattern!);
  });
}

for (const action of ['modify', 'delete', 'create', 'rename'] as const) {
  test(`a lockfile is refused for ${action}, with the command that regenerates it`, async () => {
    const result = await outcome(action === 'create' ? 'sub/package-lock.json' : 'package-lock.json', action, action === 'rename' ? ['x'] : []);
    assert.match(result, new RegExp(`package-lock\\.json is generated by npm, so litecode will not ${action} it.*npm install`));
  });
}

test('a new heading is accepted when the task adds a section, refused when it changes one', async () => {
  const planWith = (instruction: string) => Plan.parse({ kind: 'edit', synthesis: 'x', tasks: [{ file: 'README.md', action: 'modify', symbols: ['Contributing'], instruction }] });
  const added = await checkPlan(planWith('Add a Contributing section.'), context('add a contributing section to README.md'));
  assert.equal(added.tasks[0]!.symbols, ['Contributing']);
  try {
    await checkPlan(planWith('Reword the Contributing section.'), context('reword the contributing section of README.md'));
    assert.unreachable('expected a refusal');
  } catch (error) {
    assert.instance(error, RefusalError);
    assert.match((error as RefusalError).toOneLine(), /Contributing is not a heading in README\.md.*Install/);
  }
});

test('Cargo.lock names cargo', async () => {
  assert.match(await outcome('Cargo.lock', 'modify', []), /Cargo\.lock is generated by Cargo.*cargo update/);
});

test('a question reads a lockfile only when the request names it', async () => {
  const tasks = { kind: 'question', synthesis: '', tasks: [{ file: 'package.json', action: 'read' }, { file: 'package-lock.json', action: 'read' }] };
  const unnamed = await checkPlan(Plan.parse(tasks), context('which version of express do we use?'));
  assert.equal(unnamed.tasks.map((task) => task.file), ['package.json']);
  const named = await checkPlan(Plan.parse(tasks), context('which express version is in package-lock.json?'));
  assert.equal(named.tasks.map((task) => task.file), ['package.json', 'package-lock.json']);
});

test('a data file with a code symbol name falls back to key paths, not the plain-text outline', async () => {
  assert.match(await outcome('pyproject.toml', 'modify', ['main']), /ok|main is not a key/);
});

test.run();
