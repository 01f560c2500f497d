import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mapWithLimit } from '../../src/agent/map-with-limit.js';

test('map with limit: keeps order and never exceeds the limit', async () => {
  let inFlight = 0;
  let most = 0;
  const results = await mapWithLimit([5, 1, 3, 2, 4], 2, async (value) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, value));
    inFlight -= 1;
    return value * 10;
  });
  assert.equal(results, [50, 10, 30, 20, 40]);
  assert.ok(most <= 2);
});

test('map with limit: after a result meets stopWhen, nothing more starts and the rest are skipped', async () => {
  const started: number[] = [];
  const results = await mapWithLimit(
    [1, 2, 3, 4],
    1,
    async (value): Promise<string> => {
      started.push(value);
      return value === 2 ? 'failed' : 'ok';
    },
    { stopWhen: (result) => result === 'failed', skipped: (value) => `skipped ${value}` },
  );
  assert.equal(started, [1, 2]);
  assert.equal(results, ['ok', 'failed', 'skipped 3', 'skipped 4']);
});

test('map with limit: calls already in flight finish when another fails', async () => {
  const results = await mapWithLimit(
    [1, 2, 3],
    2,
    async (value): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, value === 1 ? 1 : 30));
      return value === 1 ? 'failed' : `done ${value}`;
    },
    { stopWhen: (result) => result === 'failed', skipped: (value) => `skipped ${value}` },
  );
  assert.equal(results, ['failed', 'done 2', 'skipped 3']);
});

test.run();
