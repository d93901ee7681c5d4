import Table from 'cli-table3';
import type { CostRecomputation, WhatIfFigures } from '../../../shared/contract/costs';
import { formatUsd, usdToPico } from '../../../shared/money';
import { intOption } from '../int-option';
import { invoke, withCore } from '../with-core';
import {
  costFilterFrom,
  missingFlag,
  namingFlags,
  parseModelOption,
  rangeFrom,
} from './costs-options';

/**
 * `assay costs …`: what past traffic would have cost on another model (`costs.whatIf`), and
 * recomputing stored costs with today's prices (`costs.recompute`, `costs.history`).
 */

interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export interface CostsWhatIfOptions extends CommonOptions {
  readonly model?: string;
  readonly since?: string;
  readonly until?: string;
  readonly filter?: readonly string[];
}

export interface CostsRecomputeOptions extends CommonOptions {
  readonly model?: string;
  readonly since?: string;
  readonly until?: string;
  readonly filter?: readonly string[];
}

export interface CostsHistoryOptions extends CommonOptions {
  readonly limit?: string;
}

const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

const usd = (value: number | null): string => formatUsd(value === null ? null : usdToPico(value));

function whatIfRow(label: string, f: WhatIfFigures): string[] {
  return [
    label,
    String(f.spans),
    String(f.unpricedSpans),
    String(f.inputTokens),
    String(f.outputTokens),
    String(f.reasoningTokens),
    String(f.cacheReadTokens),
    String(f.cacheWriteTokens),
    // An empty day cost nothing; a day of unpriced spans only is unpriced, never $0.
    f.spans === 0 ? '-' : usd(f.actualCostUsd),
    usd(f.whatIfPricedCostUsd),
    usd(f.whatIfCostUsd),
  ];
}

export async function costsWhatIfCommand(options: CostsWhatIfOptions): Promise<void> {
  const where = 'costs what-if';
  try {
    if (!options.model) throw missingFlag('--model', 'PROVIDER:MODEL, e.g. openai:gpt-4o-mini');
    const target = parseModelOption('--model', options.model);
    const input = { ...rangeFrom(options), filter: costFilterFrom(options.filter), target };
    await withCore(options.dataDir, async (core) => {
      const result = await invoke(core, 'costs.whatIf', input);
      if (options.json) return printJson(result);
      const table = new Table({
        head: [
          'day',
          'spans',
          'unpriced',
          'input',
          'output',
          'reasoning',
          'cache read',
          'cache write',
          'actual',
          'what-if (priced)',
          'what-if (all)',
        ],
        style: { head: [], border: [] },
      });
      for (const day of result.days) table.push(whatIfRow(day.day, day));
      table.push(whatIfRow('total', result.totals));
      const p = result.target.price;
      process.stdout.write(
        `${table.toString()}\nOn ${target.provider}:${target.model} (per 1M tokens: input $${p.input}, output $${p.output}, cache read $${p.cacheRead ?? p.input}, cache write $${p.cacheWrite ?? p.input}; ${p.source}).\n` +
          `"what-if (priced)" prices the same spans as "actual"; unpriced spans are left out of "actual".\n`,
      );
    });
  } catch (err) {
    throw namingFlags(err, where);
  }
}

function recomputationLines(r: CostRecomputation): string {
  const lost = r.prices.filter((p) => p.price === null).map((p) => `${p.provider}:${p.model}`);
  return [
    `Recomputation ${r.id} (${r.status}${r.error ? `: ${r.error}` : ''})`,
    `  spans ${r.from} .. ${r.to}${r.model ? ` of ${r.model.provider}:${r.model.model}` : ''}`,
    `  examined ${r.spansExamined}, changed ${r.spansChanged}, traces summed again ${r.tracesUpdated}`,
    `  cost ${usd(r.costBeforeUsd)} -> ${usd(r.costAfterUsd)}; unpriced ${r.unpricedBefore} -> ${r.unpricedAfter}` +
      ` (lost a price: ${r.lostPrice}, gained one: ${r.gainedPrice})`,
    ...(lost.length > 0 ? [`  without a price now: ${lost.join(', ')}`] : []),
  ].join('\n');
}

export async function costsRecomputeCommand(options: CostsRecomputeOptions): Promise<void> {
  const where = 'costs recompute';
  try {
    const input = {
      ...rangeFrom(options),
      filter: costFilterFrom(options.filter),
      ...(options.model ? { model: parseModelOption('--model', options.model) } : {}),
    };
    await withCore(options.dataDir, async (core) => {
      const record = await invoke(core, 'costs.recompute', input);
      if (options.json) return printJson(record);
      process.stdout.write(`${recomputationLines(record)}\n`);
    });
  } catch (err) {
    throw namingFlags(err, where);
  }
}

export async function costsHistoryCommand(options: CostsHistoryOptions): Promise<void> {
  const where = 'costs history';
  try {
    const limit = intOption('--limit', options.limit, 1, 500);
    await withCore(options.dataDir, async (core) => {
      const { items } = await invoke(core, 'costs.history', limit ? { limit } : {});
      if (options.json) return printJson(items);
      if (items.length === 0) {
        process.stdout.write('No cost recomputations yet (assay costs recompute --since 30d).\n');
        return;
      }
      process.stdout.write(
        `${items.map((r) => `${r.requestedAt}  ${recomputationLines(r)}`).join('\n')}\n`,
      );
    });
  } catch (err) {
    throw namingFlags(err, where);
  }
}
