import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBlobReaders } from '../../src/git/blob-reader.js';
import { formatAgentCommitMessage } from '../../src/git/commit-message.js';
import { parseTreeObject } from '../../src/git/read-object.js';
import { commitChanges, type FileChange } from '../../src/git/scratch-commit.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { openRepository } from './agent-commit-helpers.js';

/**
 * The scratch commit reads trees through cat-file --batch and writes them with one
 * `mktree --batch`: its tree must be exactly the one git itself writes for the same change
 * (a temporary index: read-tree, update-index --cacheinfo / --force-remove, write-tree), in
 * sha1 and sha256 repositories, whatever the depth, with symlinks, executables and names that
 * are not UTF-8 next to the edit.
 */

const env = hermeticEnv();
const directories: string[] = [];
test.after(() => {
  closeBlobReaders();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const message = formatAgentCommitMessage({
  kind: 'edit',
  request: 'change files',
  synthesis: 'Changed files.',
  provider: 'ollama',
  model: 'qwen2.5-coder:7b',
  files: [],
  checks: [],
});

function run(dir: string, args: string[], options: { input?: string | Buffer; extraEnv?: Record<string, string> } = {}): string {
  return execFileSync('git', args, { cwd: dir, env: { ...env, ...options.extraEnv }, input: options.input, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

/** Latin-1 "café.txt": a name git stores as bytes that are not UTF-8. */
const latin1Name = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]);

/**
 * A repository whose one commit has files at depth 0 to 3, a symlink and an executable beside
 * the deep file, a directory holding one file, and a file with a Latin-1 name. Written through
 * an index fed on stdin, so the raw name reaches git byte for byte.
 */
function baseRepository(objectFormat: 'sha1' | 'sha256'): { dir: string; head: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `litecode-trees-${objectFormat}-`)));
  directories.push(dir);
  run(dir, ['init', '-q', `--object-format=${objectFormat}`, '-b', 'main']);
  const blob = (text: string) => run(dir, ['hash-object', '-w', '--stdin'], { input: text });
  const entries: Array<[string, string, string | Buffer]> = [
    ['100644', blob('top\n'), 'top.txt'],
    ['100644', blob('one\n'), 'a/one.js'],
    ['100644', blob('x\n'), 'a/b/x.js'],
    ['100644', blob('deep\n'), 'a/b/c/deep.js'],
    ['100644', blob('other\n'), 'a/b/c/other.js'],
    ['120000', blob('deep.js'), 'a/b/c/link'],
    ['100755', blob('#!/bin/sh\necho hi\n'), 'a/b/c/run.sh'],
    ['100644', blob('only\n'), 'a/b/solo/only.js'],
    ['100644', blob('z\n'), 'z/y/only.txt'],
    ['100644', blob('latin\n'), Buffer.concat([Buffer.from('a/b/c/'), latin1Name])],
  ];
  const indexInfo = Buffer.concat(entries.map(([mode, id, path]) => Buffer.concat([Buffer.from(`${mode} ${id}\t`), Buffer.from(path), Buffer.from('\0')])));
  run(dir, ['update-index', '-z', '--index-info'], { input: indexInfo });
  const tree = run(dir, ['write-tree']);
  const head = run(dir, ['commit-tree', tree, '-m', 'base'], { extraEnv: { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' } });
  run(dir, ['update-ref', 'refs/heads/main', head]);
  return { dir, head };
}

/** The tree git writes for `changes` on `parent`, through a temporary index. */
function treeGitWrites(dir: string, parent: string, changes: FileChange[]): string {
  const scratch = mkdtempSync(join(tmpdir(), 'litecode-index-'));
  try {
    const extraEnv = { GIT_INDEX_FILE: join(scratch, 'index') };
    run(dir, ['read-tree', parent], { extraEnv });
    for (const change of changes) {
      if (change.kind === 'delete') {
        run(dir, ['update-index', '--force-remove', '--', change.path], { extraEnv });
        continue;
      }
      const id = run(dir, ['hash-object', '-w', '--no-filters', '--stdin'], { input: change.content });
      const current = run(dir, ['ls-tree', '--format=%(objectmode)', parent, '--', change.path]);
      const mode = change.executable === undefined ? current || '100644' : change.executable ? '100755' : '100644';
      run(dir, ['update-index', '--add', '--cacheinfo', `${mode},${id},${change.path}`], { extraEnv });
    }
    return run(dir, ['write-tree'], { extraEnv });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const write = (path: string, text: string, executable?: boolean): FileChange => ({ kind: 'write', path, content: Buffer.from(text), ...(executable === undefined ? {} : { executable }) });
const remove = (path: string): FileChange => ({ kind: 'delete', path });

const cases: Array<[string, FileChange[]]> = [
  ['depth 0: a top-level file', [write('top.txt', 'top, changed\n')]],
  ['depth 1: a file in a directory', [write('a/one.js', 'one, changed\n')]],
  ['depth 3: beside a symlink, an executable and a Latin-1 name', [write('a/b/c/deep.js', 'deep, changed\n')]],
  ['a create in new directories, at depth 1 and 4', [write('new/file.js', 'new\n'), write('a/b/fresh/dir/made.js', 'made\n')]],
  ['a delete that empties its directory', [remove('a/b/solo/only.js')]],
  ['a delete that empties its directory and the one above', [remove('z/y/only.txt')]],
  ['an executable made, and one made plain, next to the symlink', [write('a/b/c/run.sh', '#!/bin/sh\necho changed\n', false), write('a/b/c/new.sh', '#!/bin/sh\n', true)]],
  [
    'many changes at once, at every depth',
    [write('top.txt', 'top 2\n'), write('a/b/x.js', 'x 2\n'), remove('a/b/c/other.js'), write('a/b/c/deep.js', 'deep 2\n'), write('z/y/new.txt', 'z\n'), remove('a/b/solo/only.js')],
  ],
];

for (const objectFormat of ['sha1', 'sha256'] as const) {
  test(`${objectFormat}: every kind of change writes the tree git writes, and fsck --strict is clean`, async () => {
    const { dir, head } = baseRepository(objectFormat);
    const repository = await openRepository(dir, env);
    assert.is(repository.objectFormat, objectFormat);
    for (const [index, [name, changes]] of cases.entries()) {
      const { commit } = await commitChanges(repository, { parent: head, changes, message, branch: `litecode/case-${index}`, expectedOldValue: null });
      assert.is(run(dir, ['rev-parse', `${commit}^{tree}`]), treeGitWrites(dir, head, changes), name);
      assert.is(run(dir, ['rev-parse', `${commit}^`]), head, name);
    }
    // The Latin-1 name beside the deep edit is still the same bytes.
    const listed = execFileSync('git', ['ls-tree', '-z', '--name-only', 'litecode/case-2', '--', 'a/b/c/'], { cwd: dir, env });
    assert.ok(listed.includes(Buffer.concat([Buffer.from('a/b/c/'), latin1Name, Buffer.from('\0')])), 'the Latin-1 name is kept byte for byte');
    const fsck = spawnSync('git', ['fsck', '--full', '--strict', '--no-dangling'], { cwd: dir, env });
    assert.is(fsck.status, 0, fsck.stderr.toString());
  });
}

for (const objectFormat of ['sha1', 'sha256'] as const) test(`${objectFormat}: a change of many files at several depths starts one hash-object, one mktree and no ls-tree or rev-parse`, async () => {
  const { dir, head } = baseRepository(objectFormat);
  const repository = await openRepository(dir, env);
  const [, changes] = cases.at(-1)!;
  const traceDir = mkdtempSync(join(tmpdir(), 'litecode-trees-trace-'));
  const trace = join(traceDir, 'trace.json');
  process.env.GIT_TRACE2_EVENT = trace;
  try {
    await commitChanges(repository, { parent: head, changes, message, branch: 'litecode/traced', expectedOldValue: null });
  } finally {
    delete process.env.GIT_TRACE2_EVENT;
  }
  const commands = readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
    .filter((event) => event.event === 'start')
    .map((event) => (event.argv ?? []).slice(1).filter((arg) => !arg.startsWith('--no-optional-locks') && arg !== '-c' && !arg.includes('=')).slice(0, 1).join(' '));
  rmSync(traceDir, { recursive: true, force: true });
  const count = (name: string) => commands.filter((command) => command === name).length;
  assert.is(count('hash-object'), 1, commands.join(', '));
  assert.is(count('mktree'), 1, commands.join(', '));
  assert.is(count('ls-tree'), 0, commands.join(', '));
  assert.is(count('rev-parse'), 0, commands.join(', '));
  assert.ok(count('cat-file') <= 1, 'trees are read through the one reader (started already, or now)');
  assert.is(run(dir, ['rev-parse', 'litecode/traced^{tree}']), treeGitWrites(dir, head, changes));
});

test('a change that leaves the tree as it was is refused, in a sha256 repository too', async () => {
  const { dir, head } = baseRepository('sha256');
  const repository = await openRepository(dir, env);
  await commitChanges(repository, { parent: head, changes: [write('top.txt', 'top\n')], message, branch: 'litecode/same', expectedOldValue: null }).then(
    () => assert.unreachable('committed a change that changes nothing'),
    (error: Error) => assert.match(error.message, /leaves every file exactly as it was/),
  );
  assert.is(spawnSync('git', ['rev-parse', '--verify', '--quiet', 'litecode/same'], { cwd: dir, env }).status, 1, 'no branch');
});

test('parseTreeObject reads git\'s binary tree format: 20- and 32-byte ids, canonical modes, raw names', () => {
  const sha1 = 'ab'.repeat(20);
  const sha256 = 'cd'.repeat(32);
  const entry = (mode: string, name: Buffer | string, id: string) => Buffer.concat([Buffer.from(`${mode} `), Buffer.from(name), Buffer.from([0]), Buffer.from(id, 'hex')]);
  const sha1Tree = parseTreeObject(Buffer.concat([entry('100664', 'old.txt', sha1), entry('40000', 'dir', sha1), entry('120000', 'link', sha1), entry('160000', 'module', sha1)]), 20);
  assert.equal(
    [...sha1Tree].map(([name, value]) => [name, value.mode, value.type, value.objectId]),
    [
      ['old.txt', '100644', 'blob', sha1],
      ['dir', '040000', 'tree', sha1],
      ['link', '120000', 'blob', sha1],
      ['module', '160000', 'commit', sha1],
    ],
  );
  const sha256Tree = parseTreeObject(Buffer.concat([entry('100755', 'run.sh', sha256), entry('100644', latin1Name, sha256)]), 32);
  assert.equal(sha256Tree.get('run.sh'), { mode: '100755', type: 'blob', objectId: sha256, rawName: Buffer.from('run.sh') });
  const latin = [...sha256Tree.values()].find((value) => value.rawName?.equals(latin1Name));
  assert.ok(latin, 'the Latin-1 entry is kept with its bytes');
  assert.not.ok(sha256Tree.has(latin1Name.toString('utf8')), 'and no UTF-8 path can name it');
  assert.throws(() => parseTreeObject(Buffer.from('100644 truncated\0abc'), 20), /malformed tree/);
});

test.run();
