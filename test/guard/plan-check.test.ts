import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plan } from '../../src/agent/plan-schema.js';
import { RefusalError } from '../../src/errors/litecode-error.js';
import { checkPlan, type PlanContext, type TrackedEntry } from '../../src/guard/plan-check.js';
import { normaliseRepositoryPath } from '../../src/guard/repository-path.js';
import { outlineSymbols } from '../../src/syntax/outline.js';
import { hermeticEnv } from '../support/hermetic-env.js';

const env = hermeticEnv();
const root = mkdtempSync(join(tmpdir(), 'litecode-plan-check-'));

function git(...args: string[]): Buffer {
  return execFileSync('git', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

// One real repository with every kind of awkward entry the plan check must refuse.
git('init', '-q');
write('src/api.js', 'function fetchUser(id) {\n  return get(id);\n}\n\nclass Client {\n  request() {}\n}\n\nmodule.exports = { fetchUser, Client };\n');
write('src/utils.js', 'function slugify(text) {\n  return text;\n}\nfunction retry(fn) {\n  return fn();\n}\n');
write('lib/utils.py', 'def helper():\n    pass\n');
write('README.md', '# demo\n');
write('notes.txt', 'plain notes\n');
write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
write('latin1.js', Buffer.from('// caf\xe9\nfunction cafe() {}\n', 'latin1'));
write('big.js', 'function x() {}\n'.repeat(70_000));
write('.gitignore', 'secrets.env\ndist/\n');
symlinkSync('src/api.js', join(root, 'link.js'));
symlinkSync('src', join(root, 'linkdir'));
git('add', '.');
git('commit', '-q', '-m', 'fixture');
const head = git('rev-parse', 'HEAD').toString().trim();
git('update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
git('commit', '-q', '-m', 'add a submodule entry');
mkdirSync(join(root, 'vendor/lib'), { recursive: true }); // what an uninitialised submodule looks like
write('secrets.env', 'TOKEN=1\n');
write('dist/app.js', 'built\n');

function planContext(request: string): PlanContext & { trackedFiles: Map<string, TrackedEntry> } {
  const trackedFiles = new Map<string, TrackedEntry>();
  for (const line of git('ls-tree', '-r', 'HEAD').toString().trim().split('\n')) {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, , objectId] = meta.split(' ') as [string, string, string];
    trackedFiles.set(path, { objectId, kind: mode === '120000' ? 'symlink' : mode === '160000' ? 'submodule' : 'file' });
  }
  const ignored = git('ls-files', '--others', '--ignored', '--exclude-standard', '--directory').toString().trim().split('\n');
  const readFile = async (path: string) => git('cat-file', 'blob', trackedFiles.get(path)!.objectId);
  return {
    request,
    trackedFiles,
    readFile,
    symbolsOf: async (path) => outlineSymbols(path, (await readFile(path)).toString('utf8')),
    repositoryRoot: root,
    ignoredPaths: new Set(ignored),
  };
}

type TaskInput = { file: string; action: 'modify' | 'create' | 'delete' | 'rename' | 'read'; symbols?: string[]; new_name?: string; instruction?: string };

function plan(tasks: TaskInput[], kind: 'edit' | 'question' | 'undo' | undefined): Plan {
  return Plan.parse({ kind, synthesis: 'Changed things.', tasks: tasks.map((task) => ({ instruction: 'Do the change.', ...task })) });
}

async function refusal(promise: Promise<unknown>): Promise<RefusalError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, RefusalError);
    assert.is((error as RefusalError).exitCode, 1);
    assert.not.match((error as RefusalError).toOneLine(), /\n/);
    return error as RefusalError;
  }
  throw new Error('expected a refusal');
}

test('paths: normalised to clean repository-relative paths', () => {
  const cases: [string, string][] = [
    ['./src//api.js', 'src/api.js'],
    ['src\\api.js', 'src/api.js'],
    ['src/../src/api.js', 'src/api.js'],
    ['"src/api.js"', 'src/api.js'],
    ['`src/api.js`', 'src/api.js'],
    ['././README.md', 'README.md'],
  ];
  for (const [raw, expected] of cases) assert.is(normaliseRepositoryPath(raw), expected, raw);
});

test('paths: absolute, escaping, .git and empty paths are refused', () => {
  const cases: [string, RegExp][] = [
    ['/etc/passwd', /absolute path/],
    ['C:\\Windows\\x.js', /absolute path/],
    ['~/x.js', /absolute path/],
    ['../outside.js', /outside the repository/],
    ['src/../../x.js', /outside the repository/],
    ['.git/config', /inside git's own directory/],
    ['sub/.GIT/hooks/pre-commit', /inside git's own directory/],
    ['', /empty/],
    ['./', /the repository itself/],
  ];
  for (const [raw, message] of cases) {
    try {
      normaliseRepositoryPath(raw);
      assert.unreachable(raw);
    } catch (error) {
      assert.instance(error, RefusalError, raw);
      assert.match((error as Error).message, message, raw);
    }
  }
});

test('a valid edit plan passes with clean paths and a decided kind', async () => {
  const checked = await checkPlan(plan([{ file: './src/api.js', action: 'modify', symbols: ['fetchUser()'] }], 'edit'), planContext('add retry to fetchUser'));
  assert.equal(checked, { kind: 'edit', synthesis: 'Changed things.', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Do the change.' }] });
});

const refusals: { title: string; request?: string; tasks: TaskInput[]; kind?: 'edit' | 'question'; message: RegExp; hint?: RegExp }[] = [
  { title: 'a plan escaping the repository', tasks: [{ file: '../x.js', action: 'modify' }], message: /outside the repository/ },
  { title: 'a symlink target', tasks: [{ file: 'link.js', action: 'modify' }], message: /link\.js is a symbolic link/ },
  { title: 'a new file under a symlinked directory', tasks: [{ file: 'linkdir/new.js', action: 'create' }], message: /linkdir, which is a symbolic link/ },
  { title: 'a submodule', tasks: [{ file: 'vendor/lib', action: 'modify' }], message: /vendor\/lib is a submodule/ },
  { title: 'a path inside a submodule', tasks: [{ file: 'vendor/lib/x.js', action: 'create' }], message: /inside the submodule vendor\/lib/ },
  { title: 'a file under a path that is a file', tasks: [{ file: 'README.md/x.js', action: 'create' }], message: /README\.md is a file/ },
  { title: 'modifying a file that does not exist, with a suggestion', tasks: [{ file: 'utils.js', action: 'modify' }], message: /utils\.js, which does not exist/, hint: /did you mean src\/utils\.js/ },
  { title: 'deleting a file that does not exist', tasks: [{ file: 'gone.js', action: 'delete' }], message: /gone\.js, which does not exist/ },
  { title: 'reading a file that does not exist', kind: 'question', request: 'what is in gone.js', tasks: [{ file: 'gone.js', action: 'read' }], message: /does not exist/ },
  { title: 'creating a file that exists', tasks: [{ file: 'src/api.js', action: 'create' }], message: /creates src\/api\.js, which already exists/ },
  { title: 'a binary file', tasks: [{ file: 'logo.png', action: 'modify' }], message: /logo\.png is a binary file/ },
  { title: 'reading a binary file', kind: 'question', request: 'what is in logo.png', tasks: [{ file: 'logo.png', action: 'read' }], message: /binary/ },
  { title: 'a non-UTF-8 file', tasks: [{ file: 'latin1.js', action: 'modify' }], message: /latin1\.js is not valid UTF-8/ },
  { title: 'a file over 1 MB', tasks: [{ file: 'big.js', action: 'modify' }], message: /big\.js is 1\.1 MB; litecode edits files up to 1 MB/ },
  { title: 'a symbol that is not in the file', tasks: [{ file: 'src/utils.js', action: 'modify', symbols: ['slugifyy'] }], message: /^slugifyy is not defined in src\/utils\.js$/, hint: /defines slugify, retry/ },
  { title: 'a method on the wrong class', tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['Server.request'] }], message: /Server\.request is not defined/ },
  { title: 'a rename with no symbol', tasks: [{ file: 'src/utils.js', action: 'rename', new_name: 'x' }], message: /exactly one symbol, not 0/ },
  { title: 'a rename with two symbols', tasks: [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify', 'retry'], new_name: 'x' }], message: /exactly one symbol, not 2/ },
  { title: 'a rename without a new name', tasks: [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'] }], message: /gives no new name/ },
  { title: 'a rename to an invalid identifier', tasks: [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'], new_name: 'slug-ify' }], message: /not a valid identifier/ },
  { title: 'a rename to a name the file defines', tasks: [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'], new_name: 'retry' }], message: /already defines retry/ },
  { title: 'a rename to the same name', tasks: [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'], new_name: 'slugify' }], message: /to itself/ },
  { title: 'a rename in a file without a grammar', tasks: [{ file: 'notes.txt', action: 'rename', symbols: [], new_name: 'x' }], message: /exactly one symbol/ },
  { title: 'a file the user named that is not in the plan', request: 'add retry to utils.js', tasks: [{ file: 'src/api.js', action: 'modify' }], message: /the request names utils\.js, but the plan does not include it/ },
  { title: 'an ignored file named in the request', request: 'put the token in secrets.env', tasks: [{ file: 'src/api.js', action: 'modify' }], message: /secrets\.env is ignored by git/ },
  { title: 'creating an ignored file', tasks: [{ file: 'secrets.env', action: 'create' }], message: /secrets\.env is ignored by git/ },
  { title: 'creating a file in an ignored directory', tasks: [{ file: 'dist/new.js', action: 'create' }], message: /dist\/new\.js is ignored by git/ },
  { title: 'deleting and modifying one file', tasks: [{ file: 'src/api.js', action: 'delete' }, { file: 'src/api.js', action: 'modify' }], message: /both deletes src\/api\.js and changes it/ },
  { title: 'an empty edit plan', tasks: [], message: /^the model planned no change$/, hint: /git litecode "/ },
  { title: 'an edit plan that only reads', tasks: [{ file: 'src/api.js', action: 'read' }], message: /planned no change/ },
];

for (const { title, request, tasks, kind, message, hint } of refusals) {
  test(`refuses ${title}`, async () => {
    const error = await refusal(checkPlan(plan(tasks, kind ?? 'edit'), planContext(request ?? 'change the code')));
    assert.match(error.message, message);
    if (hint) assert.match(error.hint ?? '', hint);
  });
}

test('a rename in a text file is refused for want of a parser', async () => {
  const context = planContext('rename alpha');
  context.trackedFiles.set('words.txt', { objectId: 'x', kind: 'file' });
  context.readFile = async () => Buffer.from('alpha = 1\n');
  context.symbolsOf = async (path) => outlineSymbols(path, 'alpha = 1\n');
  const error = await refusal(checkPlan(plan([{ file: 'words.txt', action: 'rename', symbols: ['alpha'], new_name: 'beta' }], 'edit'), context));
  assert.match(error.message, /renaming needs a parser/);
});

test('a valid rename keeps its new name', async () => {
  const checked = await checkPlan(plan([{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'], new_name: ' toSlug ' }], 'edit'), planContext('rename slugify to toSlug'));
  assert.equal(checked.tasks, [{ file: 'src/utils.js', action: 'rename', symbols: ['slugify'], newName: 'toSlug', instruction: 'Do the change.' }]);
});

test('duplicate tasks on one file are merged: symbols unioned, instructions joined, reads dropped', async () => {
  const checked = await checkPlan(
    plan([
      { file: 'src/api.js', action: 'read', symbols: ['Client'] },
      { file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Add retry.' },
      { file: './src/api.js', action: 'modify', symbols: ['Client.request', 'fetchUser'], instruction: 'Log requests.' },
      { file: 'src/utils.js', action: 'read', symbols: ['retry'] },
    ], 'edit'),
    planContext('add retry to fetchUser'),
  );
  assert.equal(checked.tasks, [
    { file: 'src/api.js', action: 'modify', symbols: ['fetchUser', 'Client.request'], instruction: 'Add retry. Log requests.' },
    { file: 'src/utils.js', action: 'read', symbols: ['retry'], instruction: 'Do the change.' },
  ]);
});

test('a file named by its basename counts as planned when the plan uses its full path', async () => {
  const checked = await checkPlan(plan([{ file: 'src/utils.js', action: 'modify', symbols: ['retry'] }], 'edit'), planContext('make retry in utils.js configurable.'));
  assert.is(checked.tasks.length, 1);
});

test('a misrouted question (kind edit, but the request asks how many lines) becomes a read-only question', async () => {
  const checked = await checkPlan(plan([{ file: 'src/utils.js', action: 'modify' }], 'edit'), planContext('How many lines does utils.js have?'));
  assert.is(checked.kind, 'question');
  assert.equal(checked.tasks.map((task) => task.action), ['read']);
});

test('a missing kind: an imperative request with changes is an edit, anything else a question', async () => {
  assert.is((await checkPlan(plan([{ file: 'src/api.js', action: 'modify' }], undefined), planContext('add retry to fetchUser'))).kind, 'edit');
  assert.is((await checkPlan(plan([{ file: 'src/api.js', action: 'read' }], undefined), planContext('fetchUser in src/api.js'))).kind, 'question');
});

test('a question never plans a write or a creation, and may have no tasks', async () => {
  const checked = await checkPlan(
    plan([{ file: 'src/api.js', action: 'delete' }, { file: 'new.js', action: 'create' }], 'question'),
    planContext('what does src/api.js do?'),
  );
  assert.equal(checked.tasks.map((task) => `${task.action} ${task.file}`), ['read src/api.js']);
  assert.equal((await checkPlan(plan([], 'question'), planContext('what is this project?'))).tasks, []);
});

test('reading a large or non-UTF-8 file is allowed (only editing them is refused)', async () => {
  const checked = await checkPlan(plan([{ file: 'big.js', action: 'read' }, { file: 'latin1.js', action: 'read' }], 'question'), planContext('what is in big.js and latin1.js?'));
  assert.is(checked.tasks.length, 2);
});

test('deleting an existing file needs no symbols and no read', async () => {
  const checked = await checkPlan(plan([{ file: 'logo.png', action: 'delete' }], 'edit'), planContext('delete logo.png'));
  assert.equal(checked.tasks.map((task) => task.action), ['delete']);
});

test('an undo plan passes through with clean paths', async () => {
  const checked = await checkPlan(plan([{ file: './src/api.js', action: 'modify' }], 'undo'), planContext('revert what you did to api.js'));
  assert.is(checked.kind, 'undo');
  assert.is(checked.tasks[0]!.file, 'src/api.js');
});

test('an empty instruction falls back to the synthesis', async () => {
  const checked = await checkPlan(plan([{ file: 'src/api.js', action: 'modify', instruction: '  ' }], 'edit'), planContext('add retry to fetchUser'));
  assert.is(checked.tasks[0]!.instruction, 'Changed things.');
});

test('the repository is untouched by plan checks', () => {
  assert.is(git('status', '--porcelain').toString(), '');
  git('fsck', '--full');
});

test.after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(env.HOME!, { recursive: true, force: true });
});

test.run();
