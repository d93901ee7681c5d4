import type { PlaygroundRunView } from '../../../../shared/contract';
import { formatUsd } from '../../../../shared/money';

/** `name@v1.2`, `name (edited)` or `Scratch`. */
export function sourceOfRun(run: PlaygroundRunView): string {
  if (!run.promptName) return 'Scratch';
  return run.promptVersion
    ? `${run.promptName}@${run.promptVersion}`
    : `${run.promptName} (edited)`;
}

/** The summed cost; unpriced columns are said, never counted as $0. */
export function totalCostOfRun(run: PlaygroundRunView): string {
  const results = run.columns.flatMap((c) => (c.result ? [c.result] : []));
  const priced = results.filter((r) => r.costPicoUsd !== null);
  const total = priced.reduce((sum, r) => sum + (r.costPicoUsd ?? 0), 0);
  const unpriced = results.length - priced.length;
  if (results.length === 0) return '—';
  if (priced.length === 0) return 'unpriced';
  return unpriced > 0 ? `${formatUsd(total)} + ${unpriced} unpriced` : formatUsd(total);
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function timeOfRun(run: PlaygroundRunView): string {
  const date = new Date(run.createdAt);
  return Number.isNaN(date.getTime()) ? run.createdAt : timeFormat.format(date);
}
