/**
 * Maps items with at most `limit` in flight, in order of start. Once an outcome says `stop`,
 * no further item starts (a provider is down: do not send it the rest of the page); items never
 * started are absent from the result, which is a prefix of the input's outcomes, possibly
 * followed by ones that finished after the stop.
 */
export async function mapUntil<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  stop: (outcome: R) => boolean,
): Promise<(R | undefined)[]> {
  const out: (R | undefined)[] = new Array<R | undefined>(items.length);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const i = next++;
      const outcome = await work(items[i]!);
      out[i] = outcome;
      if (stop(outcome)) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
