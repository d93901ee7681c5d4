import type { Database, Statement } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/contract';
import type { PicoUsd } from '../../../shared/money';
import type { ModelPrice } from './catalog';

interface PriceRow {
  provider: ProviderId;
  model: string;
  input_pico: number;
  output_pico: number;
  cache_read_pico: number | null;
  cache_write_pico: number | null;
}

export interface PriceOverrideInput {
  readonly provider: ProviderId;
  readonly model: string;
  readonly input: PicoUsd;
  readonly output: PicoUsd;
  readonly cacheRead: PicoUsd | null;
  readonly cacheWrite: PicoUsd | null;
}

const toPrice = (row: PriceRow): ModelPrice => ({
  provider: row.provider,
  model: row.model,
  input: row.input_pico,
  output: row.output_pico,
  cacheRead: row.cache_read_pico,
  cacheWrite: row.cache_write_pico,
  source: 'override',
});

/**
 * User prices (overrides and additions, e.g. a local model priced at 0), kept in SQLite and
 * mirrored in memory: every call looks its price up, and overrides change rarely.
 */
export class PriceOverrides {
  private memo: Map<string, ModelPrice> | null = null;
  private readonly getStmt: Statement<[string, string], PriceRow>;
  private readonly listStmt: Statement<[], PriceRow>;
  private readonly upsertStmt: Statement<[PriceOverrideInput & { updatedAt: string }]>;
  private readonly deleteStmt: Statement<[string, string]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT * FROM model_price WHERE provider = ? AND model = ?');
    this.listStmt = db.prepare('SELECT * FROM model_price ORDER BY provider, model');
    this.upsertStmt = db.prepare(
      `INSERT INTO model_price (provider, model, input_pico, output_pico, cache_read_pico, cache_write_pico, updated_at)
       VALUES (@provider, @model, @input, @output, @cacheRead, @cacheWrite, @updatedAt)
       ON CONFLICT (provider, model) DO UPDATE SET
         input_pico = excluded.input_pico, output_pico = excluded.output_pico,
         cache_read_pico = excluded.cache_read_pico, cache_write_pico = excluded.cache_write_pico,
         updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM model_price WHERE provider = ? AND model = ?');
  }

  get(provider: ProviderId, model: string): ModelPrice | null {
    this.memo ??= new Map(
      this.listStmt.all().map((row) => [`${row.provider}\u0000${row.model}`, toPrice(row)]),
    );
    return this.memo.get(`${provider}\u0000${model}`) ?? null;
  }

  list(): ModelPrice[] {
    return this.listStmt.all().map(toPrice);
  }

  set(input: PriceOverrideInput): ModelPrice {
    this.upsertStmt.run({ ...input, updatedAt: new Date().toISOString() });
    this.memo = null;
    const row = this.getStmt.get(input.provider, input.model)!;
    return toPrice(row);
  }

  /** Returns whether an override existed. */
  delete(provider: ProviderId, model: string): boolean {
    this.memo = null;
    return this.deleteStmt.run(provider, model).changes > 0;
  }
}
