import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BlobReader } from '../../src/git/blob-reader.js';
import { readBlob } from '../../src/git/read-object.js';
import { discoverRepository } from '../../src/git/repository.js';
import { GitCommandError } from '../../src/git/run-git.js';
import { repositoriesFromFiles } from '../support/fixture-repos.js';

const repositories = repositoriesFromFiles();
// The built module (npm test builds first): a child process in the fixture's folder cannot load tsx from there.
const readerModule = fileURLToPath(new URL('../../dist/git/blob-reader.js', import.meta.url));

const binary = Buffer.from([0, 1, 2, 10, 255, 10, 0, 13, 10]);
const files: Record<string, string> = { 'empty.txt': '', 'one.txt': 'one\n', 'no-newline.txt': 'no newline at the end' };
for (let index = 0; index < 60; index++) files[`many/f${index}.js`] = `export const value${index} = ${index};\n`.repeat(index + 1);

/** Processes whose working directory is `dir`: what a reader could leave behind. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((name) => {
      try {
        return readlinkSync(`/proc/${name}/cwd`) === dir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

test('reads give exactly what git cat-file blob gives, for many blobs at once, empty and binary ones too', async () => {
  const fixture = await repositories.build(files);
  fixture.write({});
  execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: fixture.dir, env: fixture.env, input: binary });
  const repository = await discoverRepository(fixture.dir);
  const entries = (await fixture.git(['ls-tree', '-r', 'HEAD'])).trim().split('\n').map((line) => line.split(/\s+/)[2]!);
  const binaryId = execFileSync('git', ['hash-object', '--stdin'], { cwd: fixture.dir, env: fixture.env, input: binary, encoding: 'utf8' }).trim();
  const ids = [...entries, binaryId];
  const read = await Promise.all(ids.map((id) => readBlob(repository, id)));
  for (const [index, id] of ids.entries()) {
    assert.equal(read[index], execFileSync('git', ['cat-file', 'blob', id], { cwd: fixture.dir, env: fixture.env }), id);
  }
  assert.equal(read.at(-1), binary);
});

test('a large blob (24 MiB, many pipe chunks) arrives whole and exact', async () => {
  const fixture = await repositories.build(files);
  const large = Buffer.alloc(24 * 1024 * 1024);
  for (let index = 0; index < large.length; index++) large[index] = (index * 7919) % 251;
  const id = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: fixture.dir, env: fixture.env, input: large, encoding: 'utf8' }).trim();
  const reader = new BlobReader(fixture.dir);
  try {
    const small = (await fixture.git(['rev-parse', 'HEAD:one.txt'])).trim();
    const [read, after] = await Promise.all([reader.read(id), reader.read(small)]);
    assert.ok(read.equals(large), 'the same bytes');
    assert.is(after.toString(), 'one\n', 'the read queued behind it gets its own answer');
  } finally {
    reader.close();
  }
});

test('a missing object or a tree is an error for that read only; the next read still works', async () => {
  const fixture = await repositories.build(files);
  const reader = new BlobReader(fixture.dir);
  try {
    const one = (await fixture.git(['rev-parse', 'HEAD:one.txt'])).trim();
    const tree = (await fixture.git(['rev-parse', 'HEAD^{tree}'])).trim();
    const [missing, notBlob, good] = await Promise.allSettled([reader.read('1'.repeat(40)), reader.read(tree), reader.read(one)]);
    assert.is(missing.status, 'rejected');
    assert.instance((missing as PromiseRejectedResult).reason, GitCommandError);
    assert.is(notBlob.status, 'rejected');
    assert.equal((good as PromiseFulfilledResult<Buffer>).value.toString(), 'one\n');
    assert.is((await reader.read(one)).toString(), 'one\n');
  } finally {
    reader.close();
  }
});

test('one git process serves every read, and it ends when closed', async () => {
  const fixture = await repositories.build(files);
  const reader = new BlobReader(fixture.dir);
  const ids = (await fixture.git(['ls-tree', '-r', 'HEAD'])).trim().split('\n').map((line) => line.split(/\s+/)[2]!);
  await Promise.all(ids.map((id) => reader.read(id)));
  assert.is(processesIn(fixture.dir).length, 1, 'one cat-file --batch for all reads');
  await reader.read(ids[0]!);
  assert.is(processesIn(fixture.dir).length, 1, 'and still the same one');
  reader.close();
  assert.ok(await waitUntil(() => processesIn(fixture.dir).length === 0, 20_000), 'close ends it');
});

test('a process that reads and then exits, or is killed mid-run, leaves no git process behind', async () => {
  const fixture = await repositories.build(files);
  const id = (await fixture.git(['rev-parse', 'HEAD:one.txt'])).trim();
  const script = (then: string) => `
    const { BlobReader } = await import(${JSON.stringify(readerModule)});
    const reader = new BlobReader(process.cwd());
    process.stdout.write((await reader.read(${JSON.stringify(id)})).toString());
    ${then}
  `;
  const run = (then: string) =>
    spawn(process.execPath, ['--input-type=module', '-e', script(then)], { cwd: fixture.dir, env: fixture.env, stdio: ['ignore', 'pipe', 'pipe'] });

  // Without close(): the idle reader must not hold the process open.
  const exits = run('');
  let output = '';
  exits.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => exits.on('close', resolve));
  assert.is(code, 0);
  assert.is(output, 'one\n');
  assert.ok(await waitUntil(() => processesIn(fixture.dir).length === 0, 20_000), 'nothing left after a normal exit');

  // Killed while its reader is alive (a crash, or a second Ctrl-C): git sees its input close and ends.
  const killed = run('process.stdout.write("ready"); setInterval(() => {}, 1000);');
  await new Promise<void>((resolve) => killed.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve()));
  killed.kill('SIGKILL');
  await new Promise((resolve) => killed.on('close', resolve));
  assert.ok(await waitUntil(() => processesIn(fixture.dir).length === 0, 20_000), 'nothing left after SIGKILL');
});

test.after(() => repositories.removeAll());
test.run();
