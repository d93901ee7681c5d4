import type { InteractionView } from '../../../shared/contract';
import type { StratifyBy } from '../../../shared/contract/backtests';
import type { InteractionFilter } from '../../../shared/contract/traces';
import { AssayError } from '../../../shared/errors';
import type { SpanRecord } from '../../tracing/span-record';
import type { ItemRecord } from './backtest-records';
import { frozenCall, replayableSpans, asText, type FrozenItem } from './frozen-item';
import { stratifiedSample, type Candidate } from './sampling';
import { seededRandom } from './stats/seeded-random';

/** The most interactions a set is sampled from (newest first): the sample's memory stays bounded. */
export const SCAN_CAP = 50_000;

/** What building a set reads of other domains (their services, wired by the core). */
export interface SetSources {
  listInteractions(
    filter: InteractionFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: InteractionView[]; nextOffset: number | null }>;
  traceErrors(traceIds: readonly string[]): Promise<Map<string, boolean>>;
  spans(interaction: InteractionView): Promise<SpanRecord[]>;
  variables(span: SpanRecord): Promise<Readonly<Record<string, string>> | null>;
  /** Version ids a prompt reference stands for (a bare name: all its versions). */
  promptVersions(ref: string): Promise<ReadonlySet<string>>;
  /** Scorecard means of interactions (null: not completely scored), for score bands. */
  scorecardMeans(
    scorecard: string,
    interactionIds: readonly string[],
  ): Promise<Map<string, number | null>>;
}

export interface InteractionSetSpec {
  readonly filter: InteractionFilter;
  readonly prompt?: string | undefined;
  readonly sampleSize: number;
  readonly stratifyBy: StratifyBy;
  readonly scorecard?: string | undefined;
  readonly seed: number;
}

/** Bands of a 0..1 scorecard mean: low, middle, high; unscored apart. */
export function scoreBand(mean: number | null | undefined): string {
  if (mean === null || mean === undefined) return 'unscored';
  if (mean < 0.5) return 'low (<0.5)';
  if (mean < 0.8) return 'mid (0.5-0.8)';
  return 'high (>=0.8)';
}

async function strataOf(
  page: readonly InteractionView[],
  spec: InteractionSetSpec,
  sources: SetSources,
): Promise<string[]> {
  switch (spec.stratifyBy) {
    case 'none':
      return page.map(() => 'all');
    case 'type':
      return page.map((i) => i.type);
    case 'outcome': {
      const errors = await sources.traceErrors(page.flatMap((i) => (i.traceId ? [i.traceId] : [])));
      return page.map((i) => {
        const failed = i.traceId ? errors.get(i.traceId) : undefined;
        return failed === undefined ? 'no trace' : failed ? 'error' : 'ok';
      });
    }
    case 'score_band': {
      const means = await sources.scorecardMeans(
        spec.scorecard!,
        page.map((i) => i.id),
      );
      return page.map((i) => scoreBand(means.get(i.id)));
    }
  }
}

/** Interactions matching the spec (newest first, up to SCAN_CAP), each with its stratum. */
async function candidates(
  spec: InteractionSetSpec,
  sources: SetSources,
): Promise<Map<string, { view: InteractionView; stratum: string }>> {
  const versions = spec.prompt ? await sources.promptVersions(spec.prompt) : null;
  const found = new Map<string, { view: InteractionView; stratum: string }>();
  let offset: number | null = 0;
  let scanned = 0;
  while (offset !== null && scanned < SCAN_CAP) {
    const page = await sources.listInteractions(spec.filter, offset, 500);
    scanned += page.items.length;
    const kept = page.items.filter(
      (i) => versions === null || (i.promptVersionId !== null && versions.has(i.promptVersionId)),
    );
    const strata = await strataOf(kept, spec, sources);
    kept.forEach((view, k) => found.set(view.id, { view, stratum: strata[k]! }));
    offset = page.nextOffset;
  }
  return found;
}

/** Freezes what a replay needs of one interaction: input, answer, every LLM call with its variables. */
async function freeze(view: InteractionView, sources: SetSources): Promise<FrozenItem> {
  const spans = replayableSpans(await sources.spans(view));
  const calls = [];
  for (const span of spans) calls.push(frozenCall(span, await sources.variables(span)));
  return {
    input: view.input ?? null,
    output: asText(view.output),
    expected: null,
    vars: null,
    calls,
  };
}

/** Samples and freezes a set's items from stored interactions. */
export async function interactionItems(
  setId: string,
  spec: InteractionSetSpec,
  sources: SetSources,
): Promise<ItemRecord[]> {
  if (spec.stratifyBy === 'score_band' && !spec.scorecard)
    throw new AssayError(
      'VALIDATION_FAILED',
      'backtests.sets.create: score bands need a scorecard (source.scorecard)',
      {
        field: 'source.scorecard',
      },
    );
  const found = await candidates(spec, sources);
  if (found.size === 0)
    throw new AssayError(
      'VALIDATION_FAILED',
      'backtests.sets.create: no interaction matches the filter',
      {
        field: 'source.filter',
      },
    );
  const pool: Candidate[] = [...found.values()].map((f) => ({ id: f.view.id, stratum: f.stratum }));
  const picked = stratifiedSample(pool, spec.sampleSize, seededRandom(spec.seed));
  const items: ItemRecord[] = [];
  for (const [position, c] of picked.entries()) {
    const { view, stratum } = found.get(c.id)!;
    items.push({
      setId,
      position,
      interactionId: view.id,
      caseId: null,
      stratum,
      frozen: await freeze(view, sources),
      occurredAt: view.createdAt,
    });
  }
  return items;
}
