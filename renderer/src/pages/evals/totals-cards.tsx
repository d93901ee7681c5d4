import type { ReactNode } from 'react';
import type { RunView } from '../../../../shared/contract';
import { fmtCount, fmtMs, fmtPct, fmtUsd } from './format';
import { scoredPassRate, UNSCORED_HINT } from './live-counts';

function StatCard({
  label,
  testId,
  children,
  hint,
}: {
  label: string;
  testId: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div
      className="flex flex-col gap-1 rounded-lg border bg-card px-3 py-2.5"
      data-testid={testId}
      title={hint}
    >
      <span className="text-[11px] font-medium text-muted-foreground">{label}</span>
      <span className="font-mono text-lg leading-tight font-semibold whitespace-nowrap tabular-nums">
        {children}
      </span>
    </div>
  );
}

const Sub = ({ children }: { children: ReactNode }) => (
  <span className="ml-1 text-xs font-normal text-muted-foreground">{children}</span>
);

/** A run's totals: quality, counts, the two costs apart, tokens, latency, and repeat stability. */
export function TotalsCards({ run }: { run: RunView }) {
  const t = run.totals;
  return (
    <div
      className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2"
      data-testid="run-totals"
    >
      <StatCard
        label="Pass rate"
        testId="total-pass-rate"
        hint="Of the scored results: unscored ones are never counted as passes"
      >
        {fmtPct(scoredPassRate(t))}
        <Sub>{`of ${fmtCount(t.pass + t.fail + t.error)}`}</Sub>
      </StatCard>
      <StatCard label="Pass / fail / error" testId="total-counts">
        <span className="text-success">{t.pass}</span>
        {' / '}
        <span className="text-destructive">{t.fail}</span>
        {' / '}
        <span className="text-amber-600 dark:text-amber-400">{t.error}</span>
      </StatCard>
      <StatCard label="Unscored" testId="total-unscored" hint={UNSCORED_HINT}>
        <span className={t.unscored === 0 ? 'text-muted-foreground' : ''}>
          {fmtCount(t.unscored)}
        </span>
      </StatCard>
      <StatCard
        label="Prompt cost"
        testId="total-prompt-cost"
        hint={
          t.unpricedCalls > 0
            ? `${t.unpricedCalls} calls had no price`
            : 'What the prompt calls cost'
        }
      >
        {fmtUsd(t.promptCostUsd)}
        {t.unpricedCalls > 0 && t.promptCostUsd !== null ? (
          <Sub>{`+${t.unpricedCalls} unpriced`}</Sub>
        ) : null}
      </StatCard>
      <StatCard
        label="Judge cost"
        testId="total-judge-cost"
        hint="What LLM-judge matchers cost, kept apart"
      >
        {fmtUsd(t.judgeCostUsd)}
      </StatCard>
      <StatCard label="Tokens in / out" testId="total-tokens">
        {`${fmtCount(t.inputTokens)} / ${fmtCount(t.outputTokens)}`}
        {t.cachedResults > 0 ? <Sub>{`${t.cachedResults} cached`}</Sub> : null}
      </StatCard>
      <StatCard label="Latency p50 / p95" testId="total-latency">
        {`${fmtMs(t.latencyP50Ms)} / ${fmtMs(t.latencyP95Ms)}`}
      </StatCard>
      {run.repeat > 1 ? (
        <>
          <StatCard
            label={`pass@${run.repeat}`}
            testId="total-pass-at-k"
            hint="Cases passing at least once"
          >
            {fmtPct(t.passAtK)}
          </StatCard>
          <StatCard
            label="Flaky cases"
            testId="total-flaky"
            hint="Cases that both passed and failed"
          >
            {fmtCount(t.flakyCases)}
          </StatCard>
        </>
      ) : null}
    </div>
  );
}
