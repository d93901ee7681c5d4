import { sql, type RawBuilder } from 'kysely';
import type { CostFilter, CostModel } from '../../../shared/contract/costs';
import type { ModelPrice } from '../../llm/pricing/catalog';
import { jsonArrayHas } from '../../store/sql-fragments';
import type { Dialect } from '../../store/store';

/**
 * The LLM spans a request covers: its range (null: the caller bounds started_at itself, as one
 * range of the index: two would leave SQLite free to scan the wider one), its filter and maybe
 * one model.
 */
export function spanConditions(
  dialect: Dialect,
  range: { readonly from: string; readonly to: string } | null,
  filter: CostFilter,
  model: CostModel | null = null,
): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`span.kind = 'llm'`];
  if (range)
    conditions.push(sql`span.started_at >= ${range.from}`, sql`span.started_at < ${range.to}`);
  if (filter.provider) conditions.push(sql`span.provider = ${filter.provider}`);
  if (filter.model) conditions.push(sql`span.model = ${filter.model}`);
  if (filter.source) conditions.push(sql`span.source = ${filter.source}`);
  if (filter.promptVersionId)
    conditions.push(sql`span.prompt_version_id = ${filter.promptVersionId}`);
  if (filter.userId) conditions.push(sql`span.user_id = ${filter.userId}`);
  if (filter.sessionId) conditions.push(sql`span.session_id = ${filter.sessionId}`);
  for (const tag of filter.tags ?? [])
    conditions.push(jsonArrayHas(dialect, 'span.tags_json', tag));
  if (model)
    conditions.push(sql`span.provider = ${model.provider}`, sql`span.model = ${model.model}`);
  return conditions;
}

/** Cost attributes an OTLP app may report (genai-mapping.ts, openinference-mapping.ts). */
const REPORTED_COST_KEYS = ['gen_ai.usage.cost', 'llm.cost.total'] as const;

/**
 * The spans whose stored cost is Assay's own price of their usage, so a recomputation may
 * replace it: not a cache hit (costed 0 by design, no usage), with a provider and model, with
 * some usage (a call with none reported is unknown, null by design, not free), and without a
 * cost the app reported itself (kept in the span's attributes; the app's figure stands).
 */
export function repriceable(dialect: Dialect): RawBuilder<unknown> {
  const reported = REPORTED_COST_KEYS.map((key) =>
    dialect === 'postgres'
      ? // `->` on JSON (not JSONB): a cast to JSONB fails on a stored \u0000.
        sql`span.attributes_json -> ${sql.lit(key)} IS NOT NULL`
      : sql`json_type(span.attributes_json, ${sql.lit(`$."${key}"`)}) IS NOT NULL`,
  );
  return sql`(span.cache_hit = 0
    AND span.provider IS NOT NULL AND span.model IS NOT NULL
    AND span.input_tokens + span.output_tokens + span.cache_read_tokens + span.cache_write_tokens > 0
    AND (span.attributes_json IS NULL OR NOT (${sql.join(reported, sql` OR `)})))`;
}

/** A (provider, model) met in the range and its price now (null: it has none). */
export interface PricedModel {
  readonly provider: string;
  readonly model: string;
  readonly price: ModelPrice | null;
}

const int = (n: number) => sql`CAST(${n} AS BIGINT)`;

/**
 * A span's cost at today's price of its model, computeCost (price-book.ts) in SQL: null for a
 * model without a price, and the stored cost for a model the recomputation did not price (one
 * that arrived after it listed the range's models), so such a span is left as it is.
 */
export function newCostExpr(models: readonly PricedModel[]): RawBuilder<number | null> {
  if (models.length === 0) return sql<number | null>`span.cost_pico_usd`;
  const cases = models.map(({ provider, model, price }) => {
    const value = price
      ? sql`(span.input_tokens * ${int(price.input)}
          + span.output_tokens * ${int(price.output)}
          + span.cache_read_tokens * ${int(price.cacheRead ?? price.input)}
          + span.cache_write_tokens * ${int(price.cacheWrite ?? price.input)})`
      : sql`NULL`;
    return sql`WHEN span.provider = ${provider} AND span.model = ${model} THEN ${value}`;
  });
  return sql<number | null>`(CASE ${sql.join(cases, sql` `)} ELSE span.cost_pico_usd END)`;
}

export const and = (conditions: readonly RawBuilder<unknown>[]): RawBuilder<unknown> =>
  sql.join(conditions, sql` AND `);
