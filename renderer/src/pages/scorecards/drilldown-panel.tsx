import { LoaderCircle, X } from 'lucide-react';
import type { DashboardSplit, ScoreSource } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import type { Drill } from './scorecard-route';
import { TargetLink } from './target-link';

interface DrilldownPanelProps {
  readonly scorecardId: string;
  readonly version: number | null;
  readonly split: DashboardSplit;
  readonly source: ScoreSource | null;
  readonly drill: Drill;
  readonly graderName: string;
  readonly label: (key: string | null) => string;
  readonly onClose: () => void;
}

/** The scores behind the point opened on a chart, newest first, each linking to its target. */
export function DrilldownPanel(props: DrilldownPanelProps) {
  const { drill } = props;
  const answer = useChannelQuery('scorecards.dashboardTargets', {
    id: props.scorecardId,
    ...(props.version ? { version: props.version } : {}),
    split: props.split,
    ...(props.source ? { source: props.source } : {}),
    graderId: drill.grader,
    day: drill.day,
    ...(drill.bucket !== null ? { bucket: drill.bucket } : {}),
    ...(drill.key !== undefined ? { splitKey: drill.key } : {}),
  });
  const what = [
    props.graderName,
    drill.day,
    drill.key !== undefined ? props.label(drill.key) : null,
    drill.bucket,
  ]
    .filter((x) => x !== null)
    .join(' · ');
  return (
    <section
      className="flex flex-col gap-2 rounded-md border p-3"
      data-testid="scorecard-drilldown"
    >
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold">Targets</h3>
        <span className="text-xs text-muted-foreground" data-testid="drilldown-what">
          {what}
        </span>
        <Button
          size="icon"
          variant="ghost"
          className="ml-auto"
          aria-label="Close"
          onClick={props.onClose}
        >
          <X />
        </Button>
      </div>
      {answer.error ? (
        <p className="text-xs text-destructive">{answer.error.toString()}</p>
      ) : !answer.data ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : answer.data.targets.length === 0 ? (
        <p className="text-xs text-muted-foreground">No scores here.</p>
      ) : (
        <table className="w-full text-xs" data-testid="drilldown-targets">
          <thead className="text-left text-muted-foreground">
            <tr>
              <th className="py-1 pr-3 font-medium">Target</th>
              <th className="py-1 pr-3 font-medium">Score</th>
              <th className="py-1 pr-3 font-medium">Source</th>
              <th className="py-1 pr-3 font-medium">Reason</th>
              <th className="py-1 font-medium">At</th>
            </tr>
          </thead>
          <tbody>
            {answer.data.targets.map((t) => (
              <tr key={t.scoreId} className="border-t align-top">
                <td className="py-1 pr-3">
                  <TargetLink link={t.link} />
                </td>
                <td className="py-1 pr-3">
                  {t.level ?? (t.value === null ? 'unscored' : t.value)}
                  {t.normalized !== null ? (
                    <span className="text-muted-foreground"> ({t.normalized.toFixed(2)})</span>
                  ) : null}
                </td>
                <td className="py-1 pr-3">{t.source}</td>
                <td className="py-1 pr-3 text-muted-foreground">{t.reason ?? ''}</td>
                <td className="py-1 whitespace-nowrap text-muted-foreground">
                  {new Date(t.createdAt).toLocaleTimeString()}
                </td>
              </tr>
            ))}
          </tbody>
          {answer.data.more ? (
            <caption className="caption-bottom pt-1 text-left text-muted-foreground">
              The newest {answer.data.targets.length} are shown.
            </caption>
          ) : null}
        </table>
      )}
    </section>
  );
}
