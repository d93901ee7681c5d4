import type { Kysely, Selectable } from 'kysely';
import type { ProviderId } from '../../../shared/contract';
import type { PicoUsd } from '../../../shared/money';
import type { DB, ModelPriceTable } from '../../store/schema';
import type { ModelPrice } from './catalog';

export interface PriceOverrideInput {
  readonly provider: ProviderId;
  readonly model: string;
  readonly input: PicoUsd;
  readonly output: PicoUsd;
  readonly cacheRead: PicoUsd | null;
  readonly cacheWrite: PicoUsd | null;
}

/** A stored override as a price; providers are the ones `prices.set` validated. */
function toPrice(row: Selectable<ModelPriceTable>): ModelPrice {
  return {
    provider: row.provider as ProviderId,
    model: row.model,
    input: row.input_pico,
    output: row.output_pico,
    cacheRead: row.cache_read_pico,
    cacheWrite: row.cache_write_pico,
    source: 'override',
  };
}

const memoKey = (provider: string, model: string): string => `${provider}\u0000${model}`;

/**
 * User prices (overrides and additions, e.g. a local model priced at 0), kept in the database
 * and mirrored in memory: every call looks its price up, synchronously, and overrides change
 * rarely. `ready()` loads the mirror once; lookups before it are a bug and throw.
 */
export class PriceOverrides {
  private memo: Map<string, ModelPrice> | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  /** Loads the mirror on first use; a failed load is retried by the next caller. */
  ready(): Promise<void> {
    this.loading ??= this.load().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.db.selectFrom('model_price').selectAll().execute();
    this.memo = new Map(rows.map((row) => [memoKey(row.provider, row.model), toPrice(row)]));
  }

  private loaded(): Map<string, ModelPrice> {
    if (!this.memo) throw new Error('Price overrides read before ready() settled');
    return this.memo;
  }

  get(provider: ProviderId, model: string): ModelPrice | null {
    return this.loaded().get(memoKey(provider, model)) ?? null;
  }

  /** Every override, by provider then model. */
  list(): ModelPrice[] {
    return [...this.loaded().values()].sort((a, b) =>
      a.provider === b.provider ? compare(a.model, b.model) : compare(a.provider, b.provider),
    );
  }

  async set(input: PriceOverrideInput): Promise<ModelPrice> {
    await this.ready();
    const row = await this.db
      .insertInto('model_price')
      .values({
        provider: input.provider,
        model: input.model,
        input_pico: input.input,
        output_pico: input.output,
        cache_read_pico: input.cacheRead,
        cache_write_pico: input.cacheWrite,
        updated_at: new Date().toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['provider', 'model']).doUpdateSet((eb) => ({
          input_pico: eb.ref('excluded.input_pico'),
          output_pico: eb.ref('excluded.output_pico'),
          cache_read_pico: eb.ref('excluded.cache_read_pico'),
          cache_write_pico: eb.ref('excluded.cache_write_pico'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    const price = toPrice(row);
    this.loaded().set(memoKey(price.provider, price.model), price);
    return price;
  }

  /** Returns whether an override existed. */
  async delete(provider: ProviderId, model: string): Promise<boolean> {
    await this.ready();
    const result = await this.db
      .deleteFrom('model_price')
      .where('provider', '=', provider)
      .where('model', '=', model)
      .executeTakeFirst();
    this.loaded().delete(memoKey(provider, model));
    return Number(result.numDeletedRows) > 0;
  }
}

/** Code-unit order, as SQLite's ORDER BY gave: the same on every database and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
