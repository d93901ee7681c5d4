import { sql, type Kysely } from 'kysely';
import type {
  CostFilter,
  CostModel,
  WhatIfFigures,
  WhatIfResult,
} from '../../../shared/contract/costs';
import type { ModelPrice } from '../../llm/pricing/catalog';
import type { DB } from '../../store/schema';
import type { Dialect } from '../../store/store';
import { big, costOfSums, picoBigToUsd, usedPrice, type TokenSums } from './price-math';
import type { RepriceRange } from './reprice-range';
import { and, spanConditions } from './reprice-sql';

/** Sums are read as text: exact on both dialects (pg's NUMERIC parser would give a float). */
interface DayRow {
  day: string;
  priced: number | string;
  spans: number | string;
  unpriced: number | string;
  input_tokens: string | null;
  output_tokens: string | null;
  cache_read_tokens: string | null;
  cache_write_tokens: string | null;
  reasoning_tokens: string | null;
  cost: string | null;
}

const sumText = (column: string) => sql`CAST(sum(${sql.ref(column)}) AS TEXT)`;

/**
 * One GROUP BY over the range's LLM spans, by UTC day and whether the span has a stored cost:
 * at most two rows a day leave the database, however many spans match. The what-if cost is
 * linear in each token kind, so pricing the sums is pricing every span (price-math.ts).
 */
function dayQuery(dialect: Dialect, range: RepriceRange, filter: CostFilter) {
  return sql<DayRow>`
    SELECT substr(span.started_at, 1, 10) AS day,
           CASE WHEN span.cost_pico_usd IS NULL THEN 0 ELSE 1 END AS priced,
           count(*) AS spans,
           sum(CASE WHEN span.status = 'ok' AND span.cost_pico_usd IS NULL THEN 1 ELSE 0 END)
             AS unpriced,
           ${sumText('span.input_tokens')} AS input_tokens,
           ${sumText('span.output_tokens')} AS output_tokens,
           ${sumText('span.cache_read_tokens')} AS cache_read_tokens,
           ${sumText('span.cache_write_tokens')} AS cache_write_tokens,
           ${sumText('span.reasoning_tokens')} AS reasoning_tokens,
           ${sumText('span.cost_pico_usd')} AS cost
    FROM span
    WHERE ${and(spanConditions(dialect, range, filter))}
    GROUP BY 1, 2`;
}

interface Acc {
  spans: number;
  priced: number;
  unpriced: number;
  all: { input: bigint; output: bigint; cacheRead: bigint; cacheWrite: bigint };
  pricedSums: { input: bigint; output: bigint; cacheRead: bigint; cacheWrite: bigint };
  reasoning: bigint;
  /** null until a priced span is met. */
  cost: bigint | null;
}

const zeroSums = () => ({ input: 0n, output: 0n, cacheRead: 0n, cacheWrite: 0n });
const emptyAcc = (): Acc => ({
  spans: 0,
  priced: 0,
  unpriced: 0,
  all: zeroSums(),
  pricedSums: zeroSums(),
  reasoning: 0n,
  cost: null,
});

function addSums(into: Acc['all'], from: TokenSums): void {
  into.input += from.input;
  into.output += from.output;
  into.cacheRead += from.cacheRead;
  into.cacheWrite += from.cacheWrite;
}

function addRow(acc: Acc, row: DayRow): void {
  const spans = Number(row.spans);
  const sums: TokenSums = {
    input: big(row.input_tokens),
    output: big(row.output_tokens),
    cacheRead: big(row.cache_read_tokens),
    cacheWrite: big(row.cache_write_tokens),
  };
  acc.spans += spans;
  acc.unpriced += Number(row.unpriced);
  acc.reasoning += big(row.reasoning_tokens);
  addSums(acc.all, sums);
  if (Number(row.priced) === 1) {
    acc.priced += spans;
    addSums(acc.pricedSums, sums);
    acc.cost = (acc.cost ?? 0n) + big(row.cost);
  }
}

function merge(into: Acc, from: Acc): void {
  into.spans += from.spans;
  into.priced += from.priced;
  into.unpriced += from.unpriced;
  into.reasoning += from.reasoning;
  addSums(into.all, from.all);
  addSums(into.pricedSums, from.pricedSums);
  if (from.cost !== null) into.cost = (into.cost ?? 0n) + from.cost;
}

function figures(acc: Acc, price: ModelPrice): WhatIfFigures {
  return {
    spans: acc.spans,
    inputTokens: Number(acc.all.input),
    outputTokens: Number(acc.all.output),
    cacheReadTokens: Number(acc.all.cacheRead),
    cacheWriteTokens: Number(acc.all.cacheWrite),
    reasoningTokens: Number(acc.reasoning),
    pricedSpans: acc.priced,
    unpricedSpans: acc.unpriced,
    actualCostUsd: acc.cost === null ? null : picoBigToUsd(acc.cost),
    whatIfCostUsd: picoBigToUsd(costOfSums(price, acc.all)),
    whatIfPricedCostUsd: picoBigToUsd(costOfSums(price, acc.pricedSums)),
  };
}

/** What the range's LLM spans cost, and what the same usage would have cost on `target`. */
export async function whatIf(
  db: Kysely<DB>,
  dialect: Dialect,
  range: RepriceRange,
  filter: CostFilter,
  target: CostModel,
  price: ModelPrice,
): Promise<WhatIfResult> {
  const { rows } = await dayQuery(dialect, range, filter).execute(db);
  const byDay = new Map<string, Acc>();
  for (const row of rows) {
    let acc = byDay.get(row.day);
    if (!acc) byDay.set(row.day, (acc = emptyAcc()));
    addRow(acc, row);
  }
  const total = emptyAcc();
  const days = range.days.map((day) => {
    const acc = byDay.get(day) ?? emptyAcc();
    merge(total, acc);
    return { day, ...figures(acc, price) };
  });
  return {
    from: range.from,
    to: range.to,
    target: { ...target, price: usedPrice(price) },
    days,
    totals: figures(total, price),
  };
}
