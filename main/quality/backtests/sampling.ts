/**
 * A stratified sample: each stratum gets its share of the sample (largest remainder), at least
 * one item when the sample is as large as the number of strata, and items are drawn at random
 * within a stratum with the caller's seeded generator, so a seed picks the same sample again.
 */

export interface Candidate {
  readonly id: string;
  readonly stratum: string;
}

export function allocate(sizes: ReadonlyMap<string, number>, sample: number): Map<string, number> {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  if (total <= sample) {
    for (const [k, n] of sizes) out.set(k, n);
    return out;
  }
  const strata = [...sizes.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  // Every stratum is seen when the sample allows: a rare outcome is the point of stratifying.
  const floor = sample >= strata.length ? 1 : 0;
  let given = 0;
  const remainders: { key: string; rest: number }[] = [];
  for (const [key, n] of strata) {
    const exact = (n / total) * sample;
    const whole = Math.min(n, Math.max(floor, Math.floor(exact)));
    out.set(key, whole);
    given += whole;
    // What is still owed: a stratum the floor lifted past its exact share is owed nothing
    // (its rest is negative), so the remainders go to strata that are short.
    remainders.push({ key, rest: exact - whole });
  }
  remainders.sort((a, b) => b.rest - a.rest || a.key.localeCompare(b.key));
  // Hand out what is left by largest remainder, then take back (largest strata first) if the
  // floor of one each overshot.
  for (let i = 0; given < sample && i < remainders.length * 2; i++) {
    const key = remainders[i % remainders.length]!.key;
    if (out.get(key)! < sizes.get(key)!) {
      out.set(key, out.get(key)! + 1);
      given++;
    }
  }
  const bySize = [...out.keys()].sort((a, b) => out.get(b)! - out.get(a)!);
  for (let i = 0; given > sample; i = (i + 1) % bySize.length) {
    const key = bySize[i]!;
    if (out.get(key)! > 1) {
      out.set(key, out.get(key)! - 1);
      given--;
    }
  }
  return out;
}

/** Picks `sample` candidates; returns them grouped by stratum, in their original order within. */
export function stratifiedSample(
  candidates: readonly Candidate[],
  sample: number,
  random: () => number,
): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = groups.get(c.stratum) ?? [];
    list.push(c);
    groups.set(c.stratum, list);
  }
  const sizes = new Map([...groups].map(([k, v]) => [k, v.length]));
  const shares = allocate(sizes, sample);
  const picked: Candidate[] = [];
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!;
    const take = shares.get(key) ?? 0;
    // Partial Fisher-Yates: the first `take` of a shuffled copy of indexes.
    const idx = list.map((_, i) => i);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    const chosen = idx.slice(0, take).sort((a, b) => a - b);
    for (const i of chosen) picked.push(list[i]!);
  }
  return picked;
}
