import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requestPlan } from '../../src/agent/plan-request.js';
import { createModelClient } from '../../src/model/model-client.js';
import type { RepoMapFile } from '../../src/syntax/repo-map.js';
import { outlineSymbols } from '../../src/syntax/outline.js';
import { startFakeModel } from '../support/fake-model.js';

const plan = { kind: 'edit', synthesis: 'Added retry to fetchUser in src/d7/api.js.', tasks: [{ file: 'src/d7/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry.' }] };

/** A 50,000-file map as repoMapFiles gives it: the first 300 outlined, the rest by path. */
async function largeMap(): Promise<RepoMapFile[]> {
  const api = 'export async function fetchUser(id) {}\nexport async function fetchPosts() {}\n';
  const files: RepoMapFile[] = [{ path: 'src/d7/api.js', objectId: '0'.repeat(40), symbols: await outlineSymbols('src/d7/api.js', api), lineCount: 2 }];
  const helper = await outlineSymbols('x.js', 'export function helper(input) {}\n');
  for (let index = 0; index < 50_000; index++) {
    files.push({ path: `src/d${Math.floor(index / 100)}/f${index}.js`, objectId: '0'.repeat(40), symbols: index < 300 ? helper : [], lineCount: index < 300 ? 1 : 0 });
  }
  return files;
}

test('a request that names its file gets a small plan prompt around that file, on a 50,000-file repository', async () => {
  const fake = await startFakeModel(() => ({ content: JSON.stringify(plan) }));
  try {
    const client = await createModelClient({ settings: fake.settings(), runId: 'plan-size' });
    const files = await largeMap();
    const named = await requestPlan({ request: 'add retry to fetchUser in src/d7/api.js', memory: [], files, client });
    const namedTokens = await client.countPromptTokens(fake.chatRequests().at(-1)!.body.messages);
    assert.ok(namedTokens <= 1500, `plan call ${namedTokens} tokens`);
    const lines = named.repoMap.split('\n');
    assert.is(lines[0], 'src/d7/api.js (2 lines): fetchUser(), fetchPosts()', 'the named file with its outline comes first');
    assert.ok(lines.slice(1, 5).every((line) => line.startsWith('src/d7/')), `then the files beside it: ${lines.slice(1, 5).join(' | ')}`);
    assert.match(named.repoMap, /\(\+\d+ more files\)$/);

    const unnamed = await requestPlan({ request: 'add retry to every network call', memory: [], files, client });
    const unnamedTokens = await client.countPromptTokens(fake.chatRequests().at(-1)!.body.messages);
    assert.ok(unnamedTokens > 3 * namedTokens, `a request that names no file keeps the larger map: ${unnamedTokens} against ${namedTokens}`);
    assert.ok(unnamedTokens <= client.budget.promptLimit);
    assert.ok(unnamed.repoMap.length > named.repoMap.length);
  } finally {
    await fake.close();
  }
});

test.run();
