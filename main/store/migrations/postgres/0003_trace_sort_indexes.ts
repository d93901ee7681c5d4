import type { Migration } from '../../migration';

/** As SQLite's 0009: the Traces list sorted by cost or latency reads an index, not every row. */
export const postgres0003: Migration = {
  id: 3,
  name: 'trace sort indexes',
  up: `
    CREATE INDEX IF NOT EXISTS trace_cost ON trace (cost_pico_usd);
    CREATE INDEX IF NOT EXISTS trace_latency ON trace (latency_ms);
  `,
};
