import { Counter, Registry } from 'prom-client';
import type { ResultStatus } from '../../shared/contract';

/** What the eval runner and the backtest executor report as they store results. */
export interface ResultMetrics {
  /** One eval result stored (not one skipped because another process stored it first). */
  evalResult(status: ResultStatus): void;
  /** One side of a backtest item stored. */
  backtestResult(status: 'ok' | 'error'): void;
}

/** Eval and backtest throughput: results stored, by status. */
export class PromResultMetrics implements ResultMetrics {
  readonly registry = new Registry();
  private readonly evals = new Counter({
    name: 'assay_eval_results_total',
    help: 'Eval results stored, by status (pass, fail, error, unscored)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly backtests = new Counter({
    name: 'assay_backtest_results_total',
    help: 'Backtest results stored (one per item and side), by status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  evalResult(status: ResultStatus): void {
    this.evals.inc({ status });
  }

  backtestResult(status: 'ok' | 'error'): void {
    this.backtests.inc({ status });
  }
}
