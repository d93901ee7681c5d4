import type { TargetLink as Link } from '../../../../shared/contract';
import { evalHref } from '../evals/eval-route';
import { interactionsHref } from '../interactions/interactions-route';
import { traceHref } from '../traces/trace-route';

/** Where a scored target opens: an interaction's page, a span in its trace, a result's run. */
export function targetHref(link: Link): string | null {
  const { target } = link;
  if (target.type === 'interaction') return interactionsHref.detail(target.id);
  if (target.type === 'span') return link.traceId ? traceHref(link.traceId, target.id) : null;
  return link.runId ? evalHref.run(link.runId) : null;
}

const TYPE_LABELS = { interaction: 'interaction', span: 'span', eval_result: 'eval result' };

/** A target as a link (its kind and a short id), or plain text when it no longer opens. */
export function TargetLink({ link, testId }: { link: Link; testId?: string }) {
  const href = targetHref(link);
  const text = `${TYPE_LABELS[link.target.type]} ${link.target.id.slice(0, 13)}`;
  if (!href)
    return (
      <span className="font-mono text-xs" title={link.target.id} data-testid={testId}>
        {text}
      </span>
    );
  return (
    <a
      href={`#${href}`}
      className="font-mono text-xs text-primary hover:underline"
      title={link.target.id}
      data-testid={testId}
    >
      {text}
    </a>
  );
}
