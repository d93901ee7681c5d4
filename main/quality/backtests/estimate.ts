import type { BacktestEstimate } from '../../../shared/contract/backtests';
import { picoToUsd } from '../../../shared/money';
import { ZERO_USAGE, type Usage } from '../../llm/types';
import type { ItemRecord, ResolvedSide, RunSpec } from './backtest-records';

/** Prices usage on a model (the llm service's price book); null when the model has no price. */
export type CostOf = (provider: string, model: string, usage: Usage) => Promise<number | null>;

/**
 * What a run would cost before it starts, from the set's recorded usage: each replayed side's
 * calls priced on the model it would call (the side's, else each call's own). The candidate's
 * prompt may change the token counts; this is the estimate the issue asks for, and the run
 * tracks what it really spends. A dataset item has no recorded usage: its side is unpriced
 * ahead (null), never guessed.
 */
export async function estimateRun(
  items: readonly ItemRecord[],
  spec: RunSpec,
  costOf: CostOf,
  judgeGraders: number,
): Promise<BacktestEstimate> {
  const sides: BacktestEstimate['sides'] = [];
  const all: { label: string; side: ResolvedSide | null }[] = [
    { label: spec.baseline.label, side: spec.baseline.side },
    ...spec.candidates.map((c) => ({ label: c.side.label, side: c.side })),
  ];
  for (const { label, side } of all) {
    let calls = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    let pico: number | null = 0;
    for (const item of items) {
      if (item.frozen.calls.length === 0) {
        calls += 1;
        if (side) pico = null;
        continue;
      }
      for (const call of item.frozen.calls) {
        calls += 1;
        inputTokens += call.inputTokens;
        outputTokens += call.outputTokens;
        if (!side || pico === null) continue;
        const provider = side.model?.provider ?? call.provider;
        const model = side.model?.model ?? call.model;
        const cost =
          provider && model
            ? await costOf(provider, model, {
                ...ZERO_USAGE,
                inputTokens: call.inputTokens,
                outputTokens: call.outputTokens,
              })
            : null;
        pico = cost === null ? null : pico + cost;
      }
    }
    sides.push({
      label,
      replays: side !== null,
      cost: {
        calls,
        inputTokens,
        outputTokens,
        usd: side ? (pico === null ? null : picoToUsd(pico)) : 0,
      },
    });
  }
  const replayed = sides.filter((s) => s.replays);
  const totalUsd = replayed.some((s) => s.cost.usd === null)
    ? null
    : replayed.reduce((sum, s) => sum + s.cost.usd!, 0);
  return { items: items.length, sides, totalUsd, judgeGraders };
}
