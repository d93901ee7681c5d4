import type { TopicPayload } from '../../shared/contract';

type Progress = TopicPayload<'eval.progress'>;

const WIDTH = 24;

function line(label: string, p: Progress): string {
  const ratio = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(ratio * WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
  const cost = p.costUsd === null ? 'unpriced' : `$${p.costUsd.toFixed(4)}`;
  const eta = p.etaMs === null || p.done >= p.total ? '' : ` eta ${Math.ceil(p.etaMs / 1000)}s`;
  return `${label} ${bar} ${p.done}/${p.total} ✓${p.pass} ✗${p.fail} !${p.error} ${cost}${eta}`;
}

/**
 * A live progress line per run on an interactive terminal (redrawn in place); on a pipe or CI
 * log, one line per run every 10% so logs stay short.
 */
export function createProgressPrinter(
  labels: ReadonlyMap<string, string>,
  out: NodeJS.WriteStream = process.stderr,
) {
  const latest = new Map<string, Progress>();
  const lastDecile = new Map<string, number>();
  let drawn = 0;
  const redraw = (): void => {
    if (drawn > 0) out.write(`\x1b[${drawn}A`);
    for (const [id, label] of labels) {
      const p = latest.get(id);
      out.write(`\x1b[2K${p ? line(label, p) : `${label} waiting…`}\n`);
    }
    drawn = labels.size;
  };
  return (p: Progress): void => {
    if (!labels.has(p.runId)) return;
    latest.set(p.runId, p);
    if (out.isTTY) return redraw();
    const decile = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
    if (decile === lastDecile.get(p.runId)) return;
    lastDecile.set(p.runId, decile);
    out.write(`${line(labels.get(p.runId)!, p)}\n`);
  };
}
