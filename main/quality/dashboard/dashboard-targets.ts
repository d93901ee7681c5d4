import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { ScoreSource, ScoreTarget } from '../../../shared/contract/quality';
import type { DashboardTarget } from '../../../shared/contract/quality-insights';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { normalizeScore } from '../scoring/normalize';
import { dayRange } from './dashboard-range';
import { targetsQuery } from './dashboard-sql';
import { scorecardScope } from './scorecard-scope';

const WHERE = 'scorecards.dashboardTargets';

/**
 * The scores behind one dashboard point: one grader of the scorecard on one UTC day,
 * optionally one split value and one bucket, with the same scope rules as the dashboard (a
 * pinned version's scores only, the source filter) so the list adds up to the point.
 */
export async function dashboardTargets(
  db: Kysely<DB>,
  input: ParsedInput<'scorecards.dashboardTargets'>,
): Promise<{ targets: DashboardTarget[]; more: boolean }> {
  const { items } = await scorecardScope(db, WHERE, input.id, input.version);
  const item = items.find((i) => i.graderId === input.graderId);
  if (!item)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${WHERE}: invalid "graderId": "${input.graderId}" is not a grader of this scorecard`,
      { issues: [{ path: 'graderId', message: 'not a grader of this scorecard' }] },
    );
  const versions = item.versions.map((v) => ({ id: v.id, config: v.scoreConfig }));
  const configs = new Map(versions.map((v) => [v.id, v.config]));
  const { rows } = await targetsQuery(
    {
      graderId: item.graderId,
      versionId: item.pinned?.id ?? null,
      ...dayRange(input.day),
      source: input.source,
    },
    input.split,
    input.splitKey,
    input.bucket === undefined ? null : { versions, key: input.bucket },
    input.limit + 1,
  ).execute(db);
  const targets = rows.slice(0, input.limit).map((row): DashboardTarget => {
    const config = configs.get(row.grader_version_id);
    const normalized =
      row.value === null || !config ? null : normalizeScore(config, Number(row.value));
    return {
      scoreId: row.id,
      link: {
        target: { type: row.target_type as ScoreTarget['type'], id: row.target_id },
        traceId: row.trace_id,
        runId: row.run_id,
      },
      value: row.value === null ? null : Number(row.value),
      level: row.level,
      normalized: normalized?.ok ? normalized.score : null,
      reason: row.reason,
      source: row.source as ScoreSource,
      createdAt: row.created_at,
    };
  });
  return { targets, more: rows.length > input.limit };
}
