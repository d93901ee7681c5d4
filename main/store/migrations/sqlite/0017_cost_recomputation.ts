import type { Migration } from '../../migration';

/**
 * Re-pricing of past traffic (issue 15): one row per `costs.recompute`, the record of what a
 * recomputation of stored span costs changed (main/tracing/repricing/).
 *
 * - `from_at`/`to_at` bound span start times (`from_at <= started_at < to_at`); `filter_json`
 *   is the contract's filter as given, `provider`/`model` the one model recomputed, if any.
 * - `prices_json` lists every (provider, model) the recomputation met with the price it used,
 *   or null where the model has no price now (those spans became unpriced: `lost_price`).
 * - Costs are pico-dollars summed over the spans examined; NULL when none of them was priced.
 * - `status` is 'completed' or 'failed' (batches committed before a failure stay, and the
 *   record says how far it got).
 */
export const migration0017: Migration = {
  id: 17,
  name: 'cost_recomputation',
  up: `
    CREATE TABLE cost_recomputation (
      id TEXT PRIMARY KEY NOT NULL,
      requested_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      status TEXT NOT NULL,
      error TEXT,
      from_at TEXT NOT NULL,
      to_at TEXT NOT NULL,
      filter_json TEXT NOT NULL,
      provider TEXT,
      model TEXT,
      prices_json TEXT NOT NULL,
      spans_examined INTEGER NOT NULL,
      spans_changed INTEGER NOT NULL,
      traces_updated INTEGER NOT NULL,
      cost_before_pico INTEGER,
      cost_after_pico INTEGER,
      unpriced_before INTEGER NOT NULL,
      unpriced_after INTEGER NOT NULL,
      lost_price INTEGER NOT NULL,
      gained_price INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX cost_recomputation_requested ON cost_recomputation (requested_at);
  `,
};
