import type { ScorecardView } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';
import { CalibrationBadge, KindBadge } from '../graders/grader-badges';
import { graderHref } from '../graders/grader-route';
import { scoreConfigText } from '../graders/score-config-text';
import { useCalibrationFlags } from '../graders/use-calibration-flags';

/** A scorecard version's graders: which version each counts, its weight, and its warnings. */
export function ScorecardItems({ card }: { card: ScorecardView }) {
  const graders = useChannelQuery('graders.list', { includeArchived: true });
  const flags = useCalibrationFlags();
  const byId = new Map((graders.data?.graders ?? []).map((g) => [g.id, g]));
  const total = card.body.items.reduce((a, i) => a + i.weight, 0);
  return (
    <div className="flex flex-col gap-3">
      <table className="w-full text-sm" data-testid="scorecard-items">
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            <th className="py-1 pr-3 font-medium">Grader</th>
            <th className="py-1 pr-3 font-medium">Version</th>
            <th className="py-1 pr-3 font-medium">Gives</th>
            <th className="py-1 pr-3 text-right font-medium">Weight</th>
          </tr>
        </thead>
        <tbody>
          {card.body.items.map((item, i) => {
            const grader = byId.get(item.graderId);
            return (
              <tr key={item.graderId} className="border-t" data-testid={`scorecard-item-row-${i}`}>
                <td className="py-1.5 pr-3">
                  <span className="flex flex-wrap items-center gap-1.5">
                    <a
                      className="text-primary hover:underline"
                      href={`#${graderHref({ id: item.graderId })}`}
                    >
                      {grader?.name ?? item.graderId}
                    </a>
                    {grader ? <KindBadge kind={grader.kind} /> : null}
                    <CalibrationBadge flag={flags.get(item.graderId)} />
                  </span>
                </td>
                <td className="py-1.5 pr-3 text-xs">
                  {item.graderVersion ? `pinned v${item.graderVersion}` : 'latest'}
                </td>
                <td className="py-1.5 pr-3 text-xs text-muted-foreground">
                  {grader ? scoreConfigText(grader.latest.scoreConfig) : ''}
                </td>
                <td className="py-1.5 pr-3 text-right font-mono text-xs tabular-nums">
                  {item.weight} ({Math.round((item.weight / total) * 100)}%)
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-xs text-muted-foreground" data-testid="scorecard-threshold">
        A target passes at a weighted mean of {card.body.passThreshold} or more (0 to 1).
        {card.body.interactionType ? ` Scores ${card.body.interactionType} interactions.` : ''}
        {card.body.promptName ? ` Prompt: ${card.body.promptName}.` : ''}
      </p>
    </div>
  );
}
