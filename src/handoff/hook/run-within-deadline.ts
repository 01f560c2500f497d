export type DeadlineOutcome<T> = { finished: true; value: T } | { finished: false };

/**
 * Runs `work` until it settles or `milliseconds` pass, whichever comes first. At the deadline
 * the signal given to `work` aborts (so model calls in flight stop) and the outcome is
 * `{ finished: false }` at once, without waiting for `work` to notice. A failure of `work`
 * before the deadline is thrown; one after it is ignored.
 */
export async function runWithinDeadline<T>(milliseconds: number, work: (signal: AbortSignal) => Promise<T>): Promise<DeadlineOutcome<T>> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<DeadlineOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      // Settled before aborting: the abort's own rejections must not win the race.
      resolve({ finished: false });
      controller.abort();
    }, Math.max(0, milliseconds));
  });
  const finished = work(controller.signal).then((value): DeadlineOutcome<T> => ({ finished: true, value }));
  try {
    return await Promise.race([finished, expired]);
  } finally {
    clearTimeout(timer);
  }
}
