import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { BULLSEYE_LEVELS, scoreConfigSchema } from '../../../shared/contract/quality';
import type { ScoreConfig } from '../../../shared/contract/quality';
import type { Store } from '../../store/store';
import { bucketExpr, type VersionConfig } from './dashboard-sql';
import { bucketOf } from './score-buckets';

/**
 * The dashboard counts buckets in SQL and the drill-down filters by them there too; this checks
 * that both databases compute the bucket the TypeScript definition (score-buckets.ts) gives.
 */
let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

const versions: VersionConfig[] = [
  { id: 'up', config: scoreConfigSchema.parse({ type: 'numeric', min: -3, max: 17 }) },
  {
    id: 'down',
    config: scoreConfigSchema.parse({ type: 'numeric', min: 0, max: 2000, higherIsBetter: false }),
  },
  {
    id: 'levels',
    config: scoreConfigSchema.parse({ type: 'categorical', levels: BULLSEYE_LEVELS }),
  },
  { id: 'bool', config: scoreConfigSchema.parse({ type: 'boolean' }) },
];

async function sqlBucket(versionId: string, value: number | null, level: string | null) {
  const row = sql<{ b: string }>`
    SELECT ${bucketExpr(versions)} AS b
    FROM (SELECT CAST(${versionId} AS TEXT) AS grader_version_id,
      CAST(${value} AS DOUBLE PRECISION) AS value, CAST(${level} AS TEXT) AS level) s`;
  return (await row.execute(store.db)).rows[0]!.b;
}

const valueOf = (config: ScoreConfig) => {
  if (config.type === 'numeric')
    return fc.oneof(
      fc.double({ min: config.min, max: config.max, noNaN: true }),
      // The bin edges themselves, where a float comparison could go either way.
      fc.integer({ min: 0, max: 10 }).map((k) => config.min + ((config.max - config.min) * k) / 10),
    );
  if (config.type === 'boolean') return fc.constantFrom(0, 1);
  return fc.constantFrom(...config.levels.map((l) => l.value));
};

describe('the bucket expression', () => {
  it('gives the bucket score-buckets.ts defines, on this database', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...versions)
          .chain((v) => fc.tuple(fc.constant(v), fc.option(valueOf(v.config), { freq: 8 }))),
        async ([v, value]) => {
          const level =
            value !== null && v.config.type === 'categorical'
              ? v.config.levels.find((l) => l.value === value)!.name
              : null;
          expect(await sqlBucket(v.id, value, level)).toBe(bucketOf(v.config, value, level));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('calls a score of a version it does not know unscored', async () => {
    expect(await sqlBucket('elsewhere', 3, null)).toBe('unscored');
  });
});
