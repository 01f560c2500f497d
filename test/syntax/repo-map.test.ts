import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { outlineSymbols } from '../../src/syntax/outline.js';
import { mapByteReach, rankFiles, rankOrder, renderRepoMap, type RepoMapFile } from '../../src/syntax/repo-map.js';
import { countTextTokens } from '../../src/model/token-counter.js';

async function mapFile(path: string, text: string): Promise<RepoMapFile> {
  return { path, objectId: '0'.repeat(40), symbols: await outlineSymbols(path, text), lineCount: text.split('\n').length - 1 };
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

async function fixture(): Promise<RepoMapFile[]> {
  return [
    await mapFile('docs/notes.js', 'function unrelated() {}\n'),
    await mapFile('src/api.js', 'function fetchUser(id) {}\nfunction fetchPosts() {}\n'),
    await mapFile('src/client.js', 'class Client {\n  get() {}\n  post() {}\n}\nconst MAX_RETRIES = 3;\n'),
    await mapFile('src/users.js', 'function showUser(user = fetchUser(1)) {}\n'),
    await mapFile('src/utils.js', 'function slugify(text) {}\n'),
    await mapFile('auth/session.js', 'function login() {}\n'),
  ];
}

test('ranking: named file, then the file defining a named identifier, then a stem, then references, then a named directory, then the rest', async () => {
  const files = await fixture();
  const ranked = rankFiles('add retry to fetchUser, use utils.js, keep the client and auth code', files).map((file) => file.path);
  assert.equal(ranked, ['src/utils.js', 'src/api.js', 'src/client.js', 'src/users.js', 'auth/session.js', 'docs/notes.js']);
});

test('a file whose content mentions a named identifier ranks as a reference', async () => {
  const files = await fixture();
  files[0] = { ...files[0]!, content: 'import { fetchUser } from "../src/api.js";\n' };
  const ranked = rankFiles('add retry to fetchUser', files).map((file) => file.path);
  assert.equal(ranked.slice(0, 3), ['src/api.js', 'docs/notes.js', 'src/users.js']);
});

test('format: one compact line per file, members grouped under their class', async () => {
  const map = await renderRepoMap({ request: 'add retry to fetchUser', files: await fixture(), maxTokens: 10_000, countTokens: countWords });
  const lines = map.split('\n');
  assert.is(lines[0], 'src/api.js (2 lines): fetchUser(), fetchPosts()');
  assert.ok(lines.includes('src/client.js (5 lines): Client{get,post}, MAX_RETRIES'), map);
  assert.is(lines.length, 6);
});

test('trimming drops the symbols of low-ranked files first, then whole files, and says how many', async () => {
  const files = await fixture();
  const request = 'add retry to fetchUser';
  const full = await renderRepoMap({ request, files, maxTokens: 10_000, countTokens: countWords });
  const budget = countWords(full) - 3;
  const trimmed = await renderRepoMap({ request, files, maxTokens: budget, countTokens: countWords });
  assert.ok(countWords(trimmed) <= budget);
  const lines = trimmed.split('\n');
  assert.is(lines[0], 'src/api.js (2 lines): fetchUser(), fetchPosts()', 'the top file keeps its symbols');
  assert.is(lines.at(-1), 'auth/session.js (1 lines)', 'the lowest file lost its symbols but is still listed');
  assert.is(lines.length, 6);

  const tight = await renderRepoMap({ request, files, maxTokens: 12, countTokens: countWords });
  assert.ok(countWords(tight) <= 12, tight);
  assert.match(tight, /^src\/api\.js \(2 lines\)/);
  assert.match(tight, /\(\+\d+ more files\)$/);
  assert.not.match(tight, /auth\/session\.js/, 'the lowest-ranked file is dropped first');
});

test('files related to the request keep their symbols while unrelated files are dropped whole', async () => {
  const files = await fixture();
  const request = 'add retry to fetchUser';
  const related = ['src/api.js (2 lines): fetchUser(), fetchPosts()', 'src/users.js (1 lines): showUser()'];
  const budget = countWords(related.join('\n')) + countWords('(+4 more files)');
  const map = await renderRepoMap({ request, files, maxTokens: budget, countTokens: countWords });
  assert.is(map, [...related, '(+4 more files)'].join('\n'));
});

test('an impossible budget gives an empty map rather than an over-budget one', async () => {
  assert.is(await renderRepoMap({ request: 'x', files: await fixture(), maxTokens: 1, countTokens: countWords }), '');
});

test('many symbols in one file are capped with a count', async () => {
  const text = Array.from({ length: 40 }, (_, index) => `function f${index}() {}`).join('\n') + '\n';
  const map = await renderRepoMap({ request: 'x', files: [await mapFile('big.js', text)], maxTokens: 10_000, countTokens: countWords });
  assert.match(map, /f29\(\), \+10 more$/);
});

function generatedFiles(count: number): RepoMapFile[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `src/d${Math.floor(index / 100)}/f${index}.js`,
    objectId: '0'.repeat(40),
    symbols: [],
    lineCount: 1,
  }));
}

test('a 50,000-file map is sized by byte bounds: a handful of exact counts, all near the budget, and the result fits', async () => {
  const files = generatedFiles(50_000);
  const counted: number[] = [];
  const countTokens = async (text: string) => {
    counted.push(text.length);
    return countTextTokens(text);
  };
  const maxTokens = 1500;
  const map = await renderRepoMap({ request: 'add retry to src/d7/f742.js', files, maxTokens, countTokens });
  assert.ok((await countTextTokens(map)) <= maxTokens);
  assert.match(map, /^src\/d7\/f742\.js \(1 lines\)\nsrc\/d7\/f700\.js/, 'the named file, then its directory');
  assert.match(map, /\(\+\d+ more files\)$/);
  assert.ok(counted.length <= 12, `${counted.length} exact counts`);
  assert.ok(Math.max(...counted) <= maxTokens * 16, `largest counted text: ${Math.max(...counted)} characters`);
  assert.ok((await countTextTokens(map)) > maxTokens * 0.8, 'the budget is used, not wasted by the loose bound');
});

test('the byte bound is honoured: a count with overhead and margin never goes over', async () => {
  const files = generatedFiles(2_000);
  const margin = 1.55;
  const countTokens = async (text: string) => Math.ceil(((await countTextTokens(text)) + 16) * margin);
  for (const maxTokens of [30, 200, 900]) {
    const map = await renderRepoMap({ request: 'x', files, maxTokens, countTokens, tokensAtMost: (bytes) => Math.ceil((bytes + 16) * margin) });
    assert.ok(map === '' || (await countTokens(map)) <= maxTokens, `${maxTokens}: ${map.length}`);
  }
});

test('a map given the ranked files within its reach, and only a count of the unrelated rest, is the map of every file', async () => {
  const helper = await outlineSymbols('x.js', 'export function helper(input) {}\nexport function f742() {}\n');
  const all: RepoMapFile[] = generatedFiles(20_000).map((file, index) => (index % 7 === 0 ? { ...file, symbols: helper } : file));
  for (const request of ['add retry to src/d7/f742.js', 'add retry to f742 and d3', 'x']) {
    const { order, relatedCount } = rankOrder(request, all);
    const ranked = Array.from(order, (index) => all[index]!);
    for (const maxTokens of [40, 300, 1500]) {
      const tokensAtMost = (bytes: number) => Math.ceil((bytes + 16) * 1.2);
      const reach = mapByteReach(maxTokens, tokensAtMost);
      let listed = relatedCount;
      for (let bytes = 0; bytes <= reach && listed < ranked.length; listed++) bytes += ranked[listed]!.path.length + 11;
      const options = { request, maxTokens, countTokens: countTextTokens, tokensAtMost };
      const whole = await renderRepoMap({ ...options, files: ranked });
      const part = await renderRepoMap({ ...options, files: ranked.slice(0, listed), unrelatedFrom: relatedCount, omittedFiles: ranked.length - listed });
      assert.ok(listed < ranked.length, `${request} / ${maxTokens}: some files were left out (${listed} listed)`);
      assert.is(part, whole, `${request} / ${maxTokens}`);
    }
  }
});

test.run();
