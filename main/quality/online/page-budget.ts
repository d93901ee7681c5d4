import type { JudgeMeter } from './registry-judge';

/**
 * A rule's judge budget while a page is graded: the day's spend as stored when the page
 * started, plus every call finished since. A judge call starts only while the sum is under the
 * limit, so a day overshoots by at most the calls already in flight when it ran out.
 */
export class PageBudget {
  constructor(
    readonly limitPicoUsd: number | null,
    public spentPicoUsd: number,
    /** A judge model seen without a price: a budget cannot be kept, so judges wait. */
    public unpricedModel: string | null,
  ) {}

  allows(): boolean {
    if (this.limitPicoUsd === null) return true;
    return this.unpricedModel === null && this.spentPicoUsd < this.limitPicoUsd;
  }

  add(meter: JudgeMeter, model: string | null): void {
    this.spentPicoUsd += meter.picoUsd;
    if (meter.unpriced > 0 && this.limitPicoUsd !== null) this.unpricedModel ??= model;
  }
}
