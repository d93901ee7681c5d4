import pg from 'pg';
import { unescapeNul } from './nul-escape';

const { builtins } = pg.types;

/**
 * Type parsers for Assay's pools only (not pg's global ones): rows come back in the shapes
 * SQLite gives, so one row type and one converter per entity serve both dialects.
 * - BIGINT (pico-dollars, epoch ms, token counts) and NUMERIC (what SUM of a BIGINT returns)
 *   as numbers: pico-dollar figures stay below 2^53 (9,007 USD per value), as on SQLite.
 * - JSON and JSONB as their text, parsed by the entity's converter like SQLite's TEXT.
 * - TEXT with U+0000 restored (nul-escape.ts).
 */
const OVERRIDES = new Map<number, (value: string) => unknown>([
  [builtins.INT8, Number],
  [builtins.NUMERIC, Number],
  // Text comes back as it went in: see nul-escape.ts for the U+0000 escape undone here.
  [builtins.TEXT, unescapeNul],
  [builtins.VARCHAR, unescapeNul],
  [builtins.JSON, unescapeNul],
  [builtins.JSONB, unescapeNul],
]);

export const assayPgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    const own = OVERRIDES.get(oid);
    if (own && format !== 'binary') return own;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};
