import { LoaderCircle, Plus } from 'lucide-react';
import { useState } from 'react';
import type { ScoringRuleView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Label } from '../../components/ui/label';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { useChannelQuery } from '../../query/channel-query';
import { PageHeader } from '../page-header';
import { LIVE_REFRESH_MS } from './live-refresh';
import { RuleFormDialog } from './rule-form-dialog';
import { RuleRow } from './rule-row';

const DESCRIPTION =
  "Rules that score production interactions with a scorecard's graders as they arrive: which ones (a filter), how many (a sampling rate) and for how much (a daily judge budget).";

/** What a new user reads before the first rule: what a rule does and what it needs. */
function EmptyState({ hasScorecards, onCreate }: { hasScorecards: boolean; onCreate: () => void }) {
  return (
    <div
      className="flex max-w-2xl flex-col gap-3 rounded-lg border border-dashed p-6 text-sm"
      data-testid="scoring-empty"
    >
      <h2 className="font-semibold">No scoring rules yet</h2>
      <p className="text-muted-foreground">
        A scoring rule grades your app&apos;s production interactions as they are logged, with the
        graders of a scorecard, so quality is measured continuously and not only in evals. Pick
        which interactions it takes (by type, prompt, model, tags or user), what share of them it
        samples, and how many dollars of LLM-judge calls it may spend each day: when the budget is
        spent the rule pauses its judges until the next UTC day and says so here.
      </p>
      <p className="text-muted-foreground">
        A rule scores what arrives after it starts. Its scores feed the scorecard&apos;s dashboard
        and Pulse alerts.
      </p>
      {hasScorecards ? (
        <Button
          size="sm"
          className="self-start"
          onClick={onCreate}
          data-testid="new-scoring-rule-empty"
        >
          <Plus /> New rule
        </Button>
      ) : (
        <p className="text-muted-foreground">
          It needs a scorecard first: make one on the{' '}
          <a href="#/scorecards" className="text-primary hover:underline">
            Scorecards
          </a>{' '}
          page.
        </p>
      )}
    </div>
  );
}

/** The Online scoring page: every rule with its live status, and its create/edit dialog. */
export function OnlineScoringPage() {
  const [showDeleted, setShowDeleted] = useState(false);
  // null: closed; 'new': creating; a rule: editing it.
  const [editing, setEditing] = useState<ScoringRuleView | 'new' | null>(null);
  const list = useChannelQuery(
    'scoringRules.list',
    { includeArchived: showDeleted },
    { refetchInterval: LIVE_REFRESH_MS },
  );
  const scorecards = useChannelQuery('scorecards.list', { includeArchived: true }).data?.scorecards;
  const graders = useChannelQuery('graders.list', { includeArchived: true }).data?.graders;
  const cards = new Map((scorecards ?? []).map((c) => [c.id, c]));
  const graderMap = new Map((graders ?? []).map((g) => [g.id, g]));
  const hasScorecards = (scorecards ?? []).some((c) => !c.archived);
  const rules = list.data?.rules;

  return (
    <div className="flex min-h-full flex-col" data-testid="page-online-scoring">
      <PageHeader title="Online scoring" description={DESCRIPTION} />
      <div className="flex flex-col gap-4 px-8 py-5">
        <div className="flex items-center justify-end gap-4">
          <div className="flex items-center gap-2">
            <Checkbox
              id="scoring-show-deleted"
              checked={showDeleted}
              onCheckedChange={(on) => setShowDeleted(on === true)}
            />
            <Label htmlFor="scoring-show-deleted" className="text-xs">
              Show deleted
            </Label>
          </div>
          <Button
            size="sm"
            data-testid="new-scoring-rule"
            disabled={!hasScorecards}
            title={hasScorecards ? undefined : 'Make a scorecard first'}
            onClick={() => setEditing('new')}
          >
            <Plus /> New rule
          </Button>
        </div>
        {list.error ? (
          <p className="text-sm text-destructive">{list.error.toString()}</p>
        ) : !rules ? (
          <LoaderCircle className="size-4 animate-spin" />
        ) : rules.length === 0 ? (
          <EmptyState hasScorecards={hasScorecards} onCreate={() => setEditing('new')} />
        ) : (
          <Table data-testid="scoring-rules">
            <TableHeader>
              <TableRow>
                <TableHead>Rule</TableHead>
                <TableHead>Scorecard</TableHead>
                <TableHead>Filter</TableHead>
                <TableHead>Sampling</TableHead>
                <TableHead>Judge spend today</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Progress</TableHead>
                <TableHead>On</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.map((rule) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  scorecard={cards.get(rule.scorecardId)}
                  onEdit={() => setEditing(rule)}
                />
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {editing !== null ? (
        <RuleFormDialog
          rule={editing === 'new' ? null : editing}
          scorecards={scorecards ?? []}
          graders={graderMap}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
