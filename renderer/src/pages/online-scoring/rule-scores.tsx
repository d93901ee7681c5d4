import { LoaderCircle } from 'lucide-react';
import type { ScorecardView, ScoreView } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';
import { interactionsHref } from '../interactions/interactions-route';
import { LIVE_REFRESH_MS } from './live-refresh';

/** How many of a grader's newest scores the rule's panel shows. */
const SHOWN = 10;

const valueText = (s: ScoreView): string =>
  s.level ?? (s.value === null ? 'unscored' : String(s.value));

/** The newest scores one grader gave interactions (a rule's runs record `grader` scores). */
function GraderScores({ graderId }: { graderId: string }) {
  const answer = useChannelQuery(
    'scores.list',
    { graderId, limit: 100 },
    { refetchInterval: LIVE_REFRESH_MS },
  );
  const grader = useChannelQuery('graders.get', { id: graderId }).data?.grader;
  const scores = (answer.data?.scores ?? [])
    .filter((s) => s.source === 'grader' && s.target.type === 'interaction')
    .slice(0, SHOWN);
  return (
    <section className="flex flex-col gap-1" data-testid="scoring-grader-scores">
      <h3 className="text-xs font-medium">{grader?.name ?? 'Grader'}</h3>
      {answer.error ? (
        <p className="text-xs text-destructive">{answer.error.toString()}</p>
      ) : !answer.data ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : scores.length === 0 ? (
        <p className="text-xs text-muted-foreground">No interactions scored yet.</p>
      ) : (
        <table className="w-full text-xs">
          <thead className="text-left text-muted-foreground">
            <tr>
              <th className="py-1 pr-3 font-medium">Interaction</th>
              <th className="py-1 pr-3 font-medium">Score</th>
              <th className="py-1 pr-3 font-medium">Reason</th>
              <th className="py-1 font-medium">At</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.id} className="border-t align-top" data-testid="scoring-score-row">
                <td className="py-1 pr-3">
                  <a
                    href={`#${interactionsHref.detail(s.target.id)}`}
                    className="font-mono text-primary hover:underline"
                    title={s.target.id}
                  >
                    {s.target.id.slice(0, 13)}
                  </a>
                </td>
                <td className="py-1 pr-3 font-mono" data-testid="scoring-score-value">
                  {valueText(s)}
                </td>
                <td className="py-1 pr-3 text-muted-foreground">{s.reason ?? ''}</td>
                <td className="py-1 whitespace-nowrap text-muted-foreground">
                  {new Date(s.createdAt).toLocaleTimeString()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The newest interaction scores of the rule's scorecard graders. A grader's scores are all its
 * grader runs (this rule's and any other's that uses it): the panel says so.
 */
export function RuleScores({ scorecard }: { scorecard: ScorecardView | undefined }) {
  if (!scorecard) return <LoaderCircle className="size-4 animate-spin" />;
  const graderIds = [...new Set(scorecard.body.items.map((i) => i.graderId))];
  return (
    <div className="flex flex-col gap-3 py-1" data-testid="scoring-rule-scores">
      <p className="text-xs text-muted-foreground">
        The newest scores the graders of {scorecard.name} gave production interactions (from this
        rule and any other that uses them).
      </p>
      {graderIds.map((id) => (
        <GraderScores key={id} graderId={id} />
      ))}
    </div>
  );
}
