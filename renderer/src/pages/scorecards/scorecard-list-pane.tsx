import type { ScorecardView } from '../../../../shared/contract';
import { VersionedListPane, type ListPaneProps } from '../quality-shared/versioned-list-pane';

/** The left pane: New, the archived toggle, and every scorecard at its latest version. */
export function ScorecardListPane(props: ListPaneProps<ScorecardView>) {
  return (
    <VersionedListPane
      {...props}
      title="Scorecards"
      noun="scorecard"
      className="w-72"
      itemClassName="gap-0.5"
      renderItem={(card) => (
        <>
          <span className="truncate text-[13px] font-medium">{card.name}</span>
          <span className="text-[11px] text-muted-foreground" data-testid="scorecard-summary">
            {`${card.body.items.length} ${card.body.items.length === 1 ? 'grader' : 'graders'} · pass at ${card.body.passThreshold} · v${card.version}`}
            {card.archived ? ' · archived' : ''}
          </span>
        </>
      )}
      empty={
        <li className="px-3 py-4 text-xs text-muted-foreground" data-testid="scorecard-list-empty">
          No scorecards yet: create one from your graders.
        </li>
      }
    />
  );
}
