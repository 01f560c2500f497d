import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repository } from '../../src/git/repository.js';
import { outlineCacheDirectory } from '../../src/syntax/outline-cache.js';
import { outlineFilesCached, type OutlineSource } from '../../src/syntax/repo-map.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { execFileSync } from 'node:child_process';

const env = hermeticEnv();
const directories: string[] = [];

function gitBytes(cwd: string, ...args: string[]): Buffer {
  return execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  return gitBytes(cwd, ...args).toString('utf8');
}

async function fixtureRepository(files: Record<string, string | Buffer>): Promise<Repository> {
  const topLevel = mkdtempSync(join(tmpdir(), 'litecode-outline-cache-'));
  directories.push(topLevel);
  await git(topLevel, 'init', '-q');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(topLevel, path, '..'), { recursive: true });
    writeFileSync(join(topLevel, path), content);
  }
  await git(topLevel, 'add', '.');
  await git(topLevel, 'commit', '-q', '-m', 'fixture');
  const gitDir = join(topLevel, '.git');
  return { topLevel, gitDir, commonDir: gitDir, objectFormat: 'sha1' };
}

/** The tracked blobs at HEAD, read through git, counting every read. */
async function sources(repository: Repository, reads: string[]): Promise<OutlineSource[]> {
  const listing = await git(repository.topLevel, 'ls-tree', '-r', 'HEAD');
  return listing
    .trim()
    .split('\n')
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const objectId = meta.split(' ')[2]!;
      return {
        path,
        objectId,
        read: async () => {
          reads.push(path);
          return gitBytes(repository.topLevel, 'cat-file', 'blob', objectId);
        },
      };
    });
}

test('the second call with the same blobs reads nothing from git, and gives the same outlines', async () => {
  const repository = await fixtureRepository({
    'src/api.js': 'function fetchUser(id) {}\nclass Client { get() {} }\n',
    'tools/build.py': 'def build():\n    pass\n',
    'README.md': '# title\n',
  });
  const firstReads: string[] = [];
  const first = await outlineFilesCached(repository, await sources(repository, firstReads));
  assert.equal(firstReads.sort(), ['README.md', 'src/api.js', 'tools/build.py']);
  assert.equal(first.get('src/api.js')!.symbols.map((symbol) => symbol.name), ['fetchUser', 'Client', 'get']);
  assert.is(first.get('src/api.js')!.lineCount, 2);
  assert.equal(first.get('tools/build.py')!.symbols.map((symbol) => symbol.name), ['build']);

  const secondReads: string[] = [];
  const second = await outlineFilesCached(repository, await sources(repository, secondReads));
  assert.equal(secondReads, [], 'nothing read on the second run');
  assert.equal([...second.entries()].sort(), [...first.entries()].sort());
});

test('the cache lives under the git dir, never in the working tree, and git stays healthy', async () => {
  const repository = await fixtureRepository({ 'a.js': 'function a() {}\n' });
  await outlineFilesCached(repository, await sources(repository, []));
  const cacheDirectory = outlineCacheDirectory(repository);
  assert.ok(cacheDirectory.startsWith(join(repository.commonDir, 'litecode')));
  assert.ok(readdirSync(cacheDirectory).length > 0);
  assert.is(await git(repository.topLevel, 'status', '--porcelain', '--ignored'), '');
  await git(repository.topLevel, 'fsck', '--full');
});

test('only changed blobs are read again (incremental)', async () => {
  const repository = await fixtureRepository({ 'a.js': 'function a() {}\n', 'b.js': 'function b() {}\n' });
  await outlineFilesCached(repository, await sources(repository, []));
  writeFileSync(join(repository.topLevel, 'b.js'), 'function b() {}\nfunction c() {}\n');
  await git(repository.topLevel, 'commit', '-q', '-am', 'change b');
  const reads: string[] = [];
  const outlines = await outlineFilesCached(repository, await sources(repository, reads));
  assert.equal(reads, ['b.js']);
  assert.equal(outlines.get('b.js')!.symbols.map((symbol) => symbol.name), ['b', 'c']);
});

test('the same blob under two extensions is outlined per language', async () => {
  const text = 'def build():\n    pass\n';
  const repository = await fixtureRepository({ 'build.py': text, 'build.txt': text });
  const outlines = await outlineFilesCached(repository, await sources(repository, []));
  assert.is(outlines.get('build.py')!.symbols[0]!.kind, 'function');
  assert.is(outlines.get('build.txt')!.symbols[0]!.kind, 'other');
});

test('binary files and files over 1 MB are listed without symbols', async () => {
  const big = 'function x() {}\n'.repeat(70_000);
  const repository = await fixtureRepository({ 'logo.png': Buffer.from([0x89, 0x50, 0x00, 0x01]), 'big.js': big });
  const outlines = await outlineFilesCached(repository, await sources(repository, []));
  assert.equal(outlines.get('logo.png'), { symbols: [], lineCount: 0, binary: true });
  assert.equal(outlines.get('big.js'), { symbols: [], lineCount: 70_000, binary: false });
});

test('a half-written cache entry (a crash mid-write) is a miss and is rewritten', async () => {
  const repository = await fixtureRepository({ 'a.js': 'function a() {}\n' });
  await outlineFilesCached(repository, await sources(repository, []));
  const cacheDirectory = outlineCacheDirectory(repository);
  const [fanout] = readdirSync(cacheDirectory);
  const [entry] = readdirSync(join(cacheDirectory, fanout!));
  writeFileSync(join(cacheDirectory, fanout!, entry!), '{"symbols":[{"na');
  const reads: string[] = [];
  const outlines = await outlineFilesCached(repository, await sources(repository, reads));
  assert.equal(reads, ['a.js']);
  assert.is(outlines.get('a.js')!.symbols[0]!.name, 'a');
  const again: string[] = [];
  await outlineFilesCached(repository, await sources(repository, again));
  assert.equal(again, []);
});

test.after(() => {
  for (const directory of directories) if (existsSync(directory)) rmSync(directory, { recursive: true, force: true });
  rmSync(env.HOME!, { recursive: true, force: true });
});

test.run();
