import type { Kysely, Selectable } from 'kysely';
import type { CostFilter, CostModel, CostRecomputation } from '../../../shared/contract/costs';
import { picoToUsd } from '../../../shared/money';
import { readJson, writeJson } from '../../store/json-column';
import type { CostRecomputationTable, DB } from '../../store/schema';

type Row = Selectable<CostRecomputationTable>;

/** A stored record as the contract shows it; the one converter for the table. */
function toView(row: Row): CostRecomputation {
  const usd = (pico: number | null) => (pico === null ? null : picoToUsd(Number(pico)));
  const model: CostModel | null =
    row.provider !== null && row.model !== null
      ? { provider: row.provider as CostModel['provider'], model: row.model }
      : null;
  return {
    id: row.id,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
    status: row.status as CostRecomputation['status'],
    error: row.error,
    from: row.from_at,
    to: row.to_at,
    filter: readJson<CostFilter>(row.filter_json),
    model,
    prices: readJson<CostRecomputation['prices']>(row.prices_json),
    spansExamined: Number(row.spans_examined),
    spansChanged: Number(row.spans_changed),
    tracesUpdated: Number(row.traces_updated),
    costBeforeUsd: usd(row.cost_before_pico),
    costAfterUsd: usd(row.cost_after_pico),
    unpricedBefore: Number(row.unpriced_before),
    unpricedAfter: Number(row.unpriced_after),
    lostPrice: Number(row.lost_price),
    gainedPrice: Number(row.gained_price),
  };
}

/** A record to store: costs in exact pico-dollars (a Number holds them up to $9,000). */
export interface RecomputationRecord {
  readonly id: string;
  readonly requestedAt: string;
  readonly finishedAt: string;
  readonly status: CostRecomputation['status'];
  readonly error: string | null;
  readonly from: string;
  readonly to: string;
  readonly filter: CostFilter;
  readonly model: CostModel | null;
  readonly prices: CostRecomputation['prices'];
  readonly spansExamined: number;
  readonly spansChanged: number;
  readonly tracesUpdated: number;
  readonly costBeforePico: number | null;
  readonly costAfterPico: number | null;
  readonly unpricedBefore: number;
  readonly unpricedAfter: number;
  readonly lostPrice: number;
  readonly gainedPrice: number;
}

export class RecomputationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(r: RecomputationRecord): Promise<void> {
    await this.db
      .insertInto('cost_recomputation')
      .values({
        id: r.id,
        requested_at: r.requestedAt,
        finished_at: r.finishedAt,
        status: r.status,
        error: r.error,
        from_at: r.from,
        to_at: r.to,
        filter_json: writeJson(r.filter),
        provider: r.model?.provider ?? null,
        model: r.model?.model ?? null,
        prices_json: writeJson(r.prices),
        spans_examined: r.spansExamined,
        spans_changed: r.spansChanged,
        traces_updated: r.tracesUpdated,
        cost_before_pico: r.costBeforePico,
        cost_after_pico: r.costAfterPico,
        unpriced_before: r.unpricedBefore,
        unpriced_after: r.unpricedAfter,
        lost_price: r.lostPrice,
        gained_price: r.gainedPrice,
      })
      .execute();
  }

  async get(id: string): Promise<CostRecomputation | null> {
    const row = await this.db
      .selectFrom('cost_recomputation')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toView(row) : null;
  }

  async list(limit: number): Promise<CostRecomputation[]> {
    const rows = await this.db
      .selectFrom('cost_recomputation')
      .selectAll()
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toView);
  }
}
