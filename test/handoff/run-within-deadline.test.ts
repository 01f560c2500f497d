import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runWithinDeadline } from '../../src/handoff/hook/run-within-deadline.js';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

test('work that settles in time gives its value, and its signal never aborts', async () => {
  let seen: AbortSignal | undefined;
  const outcome = await runWithinDeadline(1000, async (signal) => {
    seen = signal;
    return 42;
  });
  assert.equal(outcome, { finished: true, value: 42 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.is(seen!.aborted, false);
});

const workEndsAfterAbortMs = 3000;

test('at the deadline the signal aborts and the outcome comes at once, without waiting for the work', async () => {
  const started = Date.now();
  let seen: AbortSignal | undefined;
  const outcome = await runWithinDeadline(50, (signal) => {
    seen = signal;
    // Work that only ends when aborted, late, and by failing: that failure must go nowhere.
    // The work fails long after the deadline, so "at once" is told apart from "when the work ends" on a loaded machine too.
    return new Promise((_, reject) => signal.addEventListener('abort', () => setTimeout(() => reject(new Error('cancelled')), workEndsAfterAbortMs)));
  });
  assert.equal(outcome, { finished: false });
  assert.ok(seen!.aborted);
  assert.ok(Date.now() - started < 50 + workEndsAfterAbortMs / 2, `took ${Date.now() - started} ms`);
  await new Promise((resolve) => setTimeout(resolve, workEndsAfterAbortMs + 50));
  assert.equal(unhandled, []);
});

test('a failure before the deadline is thrown', async () => {
  try {
    await runWithinDeadline(1000, async () => {
      throw new Error('git failed');
    });
    assert.unreachable('it should have thrown');
  } catch (error) {
    assert.is((error as Error).message, 'git failed');
  }
});

test.run();
