import type { RunView } from '../../../../shared/contract';
import { TableHead } from '../../components/ui/table';
import { useComponentKinds } from './component-kinds';
import { evalHref, goTo } from './eval-route';
import { fmtCount, fmtPct, fmtUsd, targetOf } from './format';
import { isActive, liveCounts, UNSCORED_HINT } from './live-counts';
import { useRunProgress } from '../../query/run-progress';
import { componentsLabel, promptLabel } from './run-components';
import { StatusBadge } from './status-badge';

/** Green for a high pass rate, red for a low one, stronger the further from 50%. */
function tint(rate: number | null): string | undefined {
  if (rate === null) return undefined;
  const color = rate >= 0.5 ? 'var(--success)' : 'var(--destructive)';
  return `color-mix(in srgb, ${color} ${Math.round(6 + Math.abs(rate - 0.5) * 30)}%, transparent)`;
}

/**
 * A matrix column: its prompt (with component versions) × model, the run's pass rate over the
 * scored results (unscored ones counted apart) and cost, live while it runs; a click opens it.
 */
export function MatrixColumnHead({ run, testId }: { run: RunView; testId: string }) {
  const live = liveCounts(run, useRunProgress(run.id));
  const kinds = useComponentKinds();
  const active = isActive(live.status);
  const rate = live.passRate;
  return (
    <TableHead scope="col" className="h-auto bg-muted p-1 align-top whitespace-normal">
      <button
        type="button"
        data-testid={testId}
        data-run-id={run.id}
        onClick={() => goTo(evalHref.run(run.id))}
        title={`${promptLabel(run, kinds)} × ${targetOf(run)}: open the run`}
        className="flex w-full flex-col items-start gap-1 rounded-md border px-2.5 py-2 text-left text-foreground transition-colors hover:ring-2 hover:ring-ring/40"
        style={{ backgroundColor: tint(rate) }}
      >
        <span className="w-full truncate font-mono text-xs font-medium" data-testid="matrix-prompt">
          {run.prompt}
          {run.components.length > 0 ? (
            <span className="block truncate text-[11px] font-normal text-muted-foreground">
              <span className="sr-only"> with </span>
              {componentsLabel(run.components, kinds)}
            </span>
          ) : null}
        </span>
        <span className="w-full truncate font-mono text-xs" data-testid="matrix-model">
          {targetOf(run)}
        </span>
        <span
          className="font-mono text-lg leading-none font-semibold tabular-nums"
          data-testid="matrix-pass-rate"
        >
          {fmtPct(rate)}
        </span>
        <span className="font-mono text-xs text-muted-foreground" data-testid="matrix-cost">
          {fmtUsd(live.promptCostUsd)}
          {run.totals.judgeCostUsd > 0 ? ` + judge ${fmtUsd(run.totals.judgeCostUsd)}` : ''}
        </span>
        {live.unscored > 0 ? (
          <span
            className="text-xs text-muted-foreground underline decoration-dotted underline-offset-2"
            title={UNSCORED_HINT}
            data-testid="matrix-unscored"
          >
            {`${fmtCount(live.unscored)} unscored`}
          </span>
        ) : null}
        {active || live.status !== 'completed' ? (
          <span className="flex items-center gap-1.5 text-xs">
            <StatusBadge status={live.status} />
            {active ? <span className="font-mono">{`${live.done}/${live.total}`}</span> : null}
          </span>
        ) : null}
      </button>
    </TableHead>
  );
}
