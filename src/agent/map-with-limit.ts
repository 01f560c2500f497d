/**
 * Maps with at most `limit` calls in flight, keeping the input order in the result. Once a result
 * satisfies `stopWhen`, no further item is started (those in flight finish) and every item never
 * started gets `skipped(item)` instead: a request already refused spends no more model calls.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
  options?: { stopWhen: (result: R) => boolean; skipped: (item: T) => R },
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let stopped = false;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !stopped) {
      const index = next++;
      const result = await map(items[index]!);
      results[index] = result;
      if (options?.stopWhen(result)) stopped = true;
    }
  });
  await Promise.all(workers);
  if (options) for (let index = next; index < items.length; index++) results[index] = options.skipped(items[index]!);
  return results;
}
