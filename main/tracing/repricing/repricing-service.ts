import type { ChannelOutput, ParsedInput, ProviderId } from '../../../shared/contract';
import { PROVIDER_IDS } from '../../../shared/contract';
import type { CostRecomputation, WhatIfResult } from '../../../shared/contract/costs';
import { AssayError, toErrorPayload } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import type { ModelPrice } from '../../llm/pricing/catalog';
import type { Store } from '../../store/store';
import { usedPrice } from './price-math';
import {
  modelsInScope,
  noFigures,
  RECOMPUTE_BATCH,
  recomputeInBatches,
  type RecomputeScope,
} from './recompute-batches';
import { RecomputationRepository } from './recomputation-repository';
import { repriceRange } from './reprice-range';
import type { PricedModel } from './reprice-sql';
import { whatIf } from './what-if';

/** The llm service's door to prices (LlmService.priceOf): today's price of a model, or null. */
export type PriceOf = (provider: ProviderId, model: string) => Promise<ModelPrice | null>;

export interface RepricingDeps {
  readonly store: Store;
  readonly priceOf: PriceOf;
  /** Spans per recompute transaction (tests make it small to cross batch edges). */
  readonly recomputeBatch?: number;
}

/** More models than this in one recomputation is refused: one CASE arm each per statement. */
const MAX_MODELS = 1_000;

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p);

/**
 * Re-pricing of past traffic: what stored LLM spans would have cost on another model, and
 * recomputing their stored costs (and their traces' sums) with today's prices, on request,
 * each time recorded. Prices come from the llm service only.
 */
export class RepricingService {
  private readonly records: RecomputationRepository;
  /** One recomputation at a time per process: two would race over the same rows' figures. */
  private running = false;

  constructor(private readonly deps: RepricingDeps) {
    this.records = new RecomputationRepository(deps.store.db);
  }

  async whatIf(input: ParsedInput<'costs.whatIf'>): Promise<WhatIfResult> {
    const range = repriceRange('costs.whatIf', input.from, input.to);
    const price = await this.deps.priceOf(input.target.provider, input.target.model);
    if (!price)
      throw new AssayError(
        'VALIDATION_FAILED',
        `costs.whatIf: invalid "target.model": ${input.target.provider}:${input.target.model} has no price (set one on the Models page or with prices.set)`,
        { issues: [{ path: 'target.model', message: 'no price for this model' }] },
      );
    const { db, dialect } = this.deps.store;
    return whatIf(db, dialect, range, input.filter, input.target, price);
  }

  async recompute(input: ParsedInput<'costs.recompute'>): Promise<CostRecomputation> {
    const range = repriceRange('costs.recompute', input.from, input.to);
    if (this.running)
      throw new AssayError(
        'CONFLICT',
        'costs.recompute: a recomputation is already running; try again when it is done',
      );
    this.running = true;
    try {
      return await this.recomputeScope({
        range,
        filter: input.filter,
        model: input.model ?? null,
      });
    } finally {
      this.running = false;
    }
  }

  private async recomputeScope(scope: RecomputeScope): Promise<CostRecomputation> {
    const requestedAt = new Date().toISOString();
    const found = await modelsInScope(this.deps.store, scope);
    if (found.length > MAX_MODELS)
      throw new AssayError(
        'VALIDATION_FAILED',
        `costs.recompute: the range holds ${found.length} models; at most ${MAX_MODELS} at once (name one with "model")`,
        { issues: [{ path: 'model', message: `at most ${MAX_MODELS} models at once` }] },
      );
    const models: PricedModel[] = await Promise.all(
      found.map(async ({ provider, model }) => ({
        provider,
        model,
        // A provider Assay does not call has no price: its spans keep no Assay cost.
        price: isProvider(provider) ? await this.deps.priceOf(provider, model) : null,
      })),
    );
    const figures = noFigures();
    let error: string | null = null;
    try {
      await recomputeInBatches(
        this.deps.store,
        scope,
        models,
        figures,
        this.deps.recomputeBatch ?? RECOMPUTE_BATCH,
      );
    } catch (err) {
      // The batches committed so far stand: the record says how far it got, and why it stopped.
      error = toErrorPayload(err).message;
    }
    const id = newId();
    await this.deps.store.writes.run((tx) =>
      new RecomputationRepository(tx).insert({
        id,
        requestedAt,
        finishedAt: new Date().toISOString(),
        status: error === null ? 'completed' : 'failed',
        error,
        from: scope.range.from,
        to: scope.range.to,
        filter: scope.filter,
        model: scope.model,
        prices: models.map((m, i) => ({
          provider: m.provider,
          model: m.model,
          spans: found[i]!.spans,
          price: m.price ? usedPrice(m.price) : null,
        })),
        spansExamined: figures.examined,
        spansChanged: figures.changed,
        tracesUpdated: figures.tracesUpdated,
        costBeforePico: figures.costBefore === null ? null : Number(figures.costBefore),
        costAfterPico: figures.costAfter === null ? null : Number(figures.costAfter),
        unpricedBefore: figures.unpricedBefore,
        unpricedAfter: figures.unpricedAfter,
        lostPrice: figures.lostPrice,
        gainedPrice: figures.gainedPrice,
      }),
    );
    return (await this.records.get(id))!;
  }

  async history(input: ParsedInput<'costs.history'>): Promise<ChannelOutput<'costs.history'>> {
    return { items: await this.records.list(input.limit) };
  }
}
