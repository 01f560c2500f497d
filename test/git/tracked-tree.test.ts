import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadTrackedTree, TrackedTree } from '../../src/git/tracked-files.js';
import { buildFixtureRepo } from '../support/fixture-repos.js';
import { listTrackedFiles, openRepository } from './agent-commit-helpers.js';

/** Names that sort differently as a directory ("a/") than as a name ("a.b", "a-c", "a0"). */
const files: Record<string, string> = {
  'a.b': 'dot\n',
  'a-c': 'dash\n',
  'a/x.js': 'x\n',
  'a/y.js': 'y\n',
  'a/b/deep.js': 'deep\n',
  'a/b/c/deeper.js': 'deeper\n',
  'a/z.js': 'z\n',
  'a0/x.js': 'zero\n',
  'odd *name?.txt': 'odd\n',
  'same.txt': 'same\n',
  'b/same.txt': 'same\n',
};

test('a tracked tree answers by path, by directory, by name and by blob id, as the whole listing does', async () => {
  const repo = await buildFixtureRepo('js-app', { commits: [{ message: 'odd names', files }] });
  try {
    mkdirSync(join(repo.dir, 'links'));
    symlinkSync('../a/x.js', join(repo.dir, 'links', 'x.js'));
    writeFileSync(join(repo.dir, 'links', 'plain.js'), 'plain\n');
    execFileSync('git', ['add', '-A'], { cwd: repo.dir, env: repo.env });
    execFileSync('git', ['commit', '-qm', 'links'], { cwd: repo.dir, env: repo.env });
    const repository = await openRepository(repo.dir, repo.env);
    const tree = await loadTrackedTree(repository, 'HEAD');
    const listed = await listTrackedFiles(repository, 'HEAD');
    assert.is(tree.size, listed.length);
    for (const entry of listed) assert.equal(tree.get(entry.path), entry, entry.path);
    for (const missing of ['a', 'a/b', 'a/', 'x.js', 'odd *', '']) assert.is(tree.get(missing), undefined, missing);

    const paths = (indices: Iterable<number>) => [...indices].map((index) => tree.pathAt(index));
    assert.equal(paths(tree.filesIn('a')), ['a/x.js', 'a/y.js', 'a/z.js'], 'direct children only, subdirectories skipped');
    assert.equal(paths(tree.filesIn('a/b')), ['a/b/deep.js']);
    assert.equal(paths(tree.filesIn('links')), ['links/plain.js'], 'a symlink is not a regular file');
    assert.equal(paths(tree.filesIn('nowhere')), []);
    const topLevel = listed.filter((entry) => !entry.path.includes('/') && entry.kind === 'file').map((entry) => entry.path);
    assert.equal(paths(tree.filesIn('')), topLevel);

    assert.equal(tree.filesNamed('same.txt'), ['b/same.txt', 'same.txt']);
    assert.equal(tree.filesNamed('x.js'), ['a/x.js', 'a0/x.js'], 'regular files only');
    assert.equal(tree.entriesNamed('x.js', 'any'), ['a/x.js', 'a0/x.js', 'links/x.js']);
    assert.equal(tree.filesWithObjectId(tree.get('same.txt')!.objectId), ['b/same.txt', 'same.txt']);
  } finally {
    repo.cleanup();
  }
});

test('a listing that is not in string order is still looked up correctly', () => {
  const id = (digit: string) => digit.repeat(40);
  // As UTF-16, U+FF5E sorts above U+1F600 (a surrogate pair); as UTF-8 bytes, git sorts it below.
  const listing = [`100644 blob ${id('1')}\tz/\uff5e.txt`, `100644 blob ${id('2')}\tz/\u{1f600}.txt`, `100755 blob ${id('3')}\tz/run.sh`, `120000 blob ${id('4')}\tz/link`].join('\0') + '\0';
  const tree = new TrackedTree(listing);
  assert.is(tree.get('z/\u{1f600}.txt')?.objectId, id('2'));
  assert.is(tree.get('z/\uff5e.txt')?.objectId, id('1'));
  assert.is(tree.get('z/run.sh')?.mode, '100755');
  assert.is(tree.get('z/link')?.kind, 'symlink');
  assert.equal([...tree.filesIn('z')].map((index) => tree.pathAt(index)), ['z/\uff5e.txt', 'z/\u{1f600}.txt', 'z/run.sh']);
});

test.run();
