import type { Migration } from '../../migration';

/** SQLite's 0017 (see there): the record of each recomputation of stored span costs. */
export const postgres0011: Migration = {
  id: 11,
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
      filter_json JSON NOT NULL,
      provider TEXT,
      model TEXT,
      prices_json JSON NOT NULL,
      spans_examined BIGINT NOT NULL,
      spans_changed BIGINT NOT NULL,
      traces_updated BIGINT NOT NULL,
      cost_before_pico BIGINT,
      cost_after_pico BIGINT,
      unpriced_before BIGINT NOT NULL,
      unpriced_after BIGINT NOT NULL,
      lost_price BIGINT NOT NULL,
      gained_price BIGINT NOT NULL
    );
    CREATE INDEX cost_recomputation_requested ON cost_recomputation (requested_at);
  `,
};
