import type { RunView } from '../../../../shared/contract';
import { Checkbox } from '../../components/ui/checkbox';
import { TableCell, TableRow } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import { evalHref, goTo } from './eval-route';
import { useComponentKinds } from './component-kinds';
import { fmtAgo, fmtCount, fmtMs, fmtPct, fmtUsd, targetOf } from './format';
import { liveCounts, UNSCORED_HINT } from './live-counts';
import { useRunProgress } from '../../query/run-progress';
import { componentsLabel, promptLabel } from './run-components';
import { StatusBadge } from './status-badge';

interface RunRowProps {
  run: RunView;
  picked: boolean;
  onPick: (picked: boolean) => void;
}

const NUM = 'text-right font-mono text-xs tabular-nums whitespace-nowrap';

/** One run: click to open; the checkbox picks it for a comparison. */
export function RunRow({ run, picked, onPick }: RunRowProps) {
  const live = liveCounts(run, useRunProgress(run.id));
  const t = run.totals;
  const kinds = useComponentKinds();
  const prompt = promptLabel(run, kinds);
  return (
    <TableRow
      className={cn('cursor-pointer', picked && 'bg-accent/60')}
      data-testid={`run-row-${run.id}`}
      data-status={live.status}
      onClick={() => goTo(evalHref.run(run.id))}
    >
      <TableCell onClick={(e) => e.stopPropagation()}>
        <Checkbox
          aria-label={`Pick ${run.name} to compare`}
          data-testid={`compare-pick-${run.id}`}
          checked={picked}
          onCheckedChange={(value) => onPick(value === true)}
        />
      </TableCell>
      <TableCell className="max-w-48 truncate" title={run.name}>
        <a
          href={`#${evalHref.run(run.id)}`}
          className="hover:underline"
          onClick={(e) => e.stopPropagation()}
        >
          {run.name}
        </a>
      </TableCell>
      <TableCell className="max-w-32 truncate font-mono text-xs">{run.dataset ?? '-'}</TableCell>
      <TableCell className="max-w-48 font-mono text-xs" title={prompt}>
        <span className="block truncate">{run.prompt}</span>
        {run.components.length > 0 ? (
          <span className="block truncate text-[11px] text-muted-foreground">
            {componentsLabel(run.components, kinds)}
          </span>
        ) : null}
      </TableCell>
      <TableCell className="max-w-40 truncate font-mono text-xs">{targetOf(run)}</TableCell>
      <TableCell>
        <StatusBadge status={live.status} />
      </TableCell>
      <TableCell
        className={NUM}
        data-testid="run-pass-rate"
        title={`Of ${fmtCount(live.pass + live.fail + live.error)} scored results`}
      >
        {fmtPct(live.passRate)}
      </TableCell>
      <TableCell className={NUM}>
        <span className="text-success">{live.pass}</span>/
        <span className="text-destructive">{live.fail}</span>/
        <span className="text-amber-600 dark:text-amber-400">{live.error}</span>
      </TableCell>
      <TableCell
        className={cn(NUM, live.unscored > 0 ? 'text-foreground' : 'text-muted-foreground')}
        data-testid="run-unscored"
        title={UNSCORED_HINT}
      >
        {fmtCount(live.unscored)}
      </TableCell>
      <TableCell className={NUM} data-testid="run-prompt-cost">
        {fmtUsd(live.promptCostUsd)}
      </TableCell>
      <TableCell className={NUM} data-testid="run-judge-cost">
        {fmtUsd(t.judgeCostUsd)}
      </TableCell>
      <TableCell className={NUM}>{`${fmtMs(t.latencyP50Ms)} / ${fmtMs(t.latencyP95Ms)}`}</TableCell>
      <TableCell
        className="whitespace-nowrap text-xs text-muted-foreground"
        title={new Date(run.createdAt).toLocaleString()}
      >
        {fmtAgo(run.createdAt)}
      </TableCell>
    </TableRow>
  );
}
