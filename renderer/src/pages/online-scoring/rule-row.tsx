import { ChevronDown, ChevronRight, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { Fragment, useState } from 'react';
import { toast } from 'sonner';
import {
  budgetText,
  samplingText,
  scoringFilterText,
  type ScorecardView,
  type ScoringRuleView,
} from '../../../../shared/contract';
import { ConfirmDialog } from '../../components/ui/alert-dialog';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { TableCell, TableRow } from '../../components/ui/table';
import { fmtCount } from '../../lib/format';
import { useChannelMutation } from '../../query/channel-query';
import { RuleScores } from './rule-scores';

const COLUMNS = 9;

function StatusCell({ rule }: { rule: ScoringRuleView }) {
  const { state, reason, lastError, rescore } = rule.status;
  return (
    <div className="flex max-w-72 flex-col gap-1">
      <Badge
        variant={state === 'running' ? 'success' : state === 'paused' ? 'destructive' : 'outline'}
        data-testid="scoring-rule-state"
      >
        {state}
      </Badge>
      {state !== 'running' && reason ? (
        <span className="text-xs text-muted-foreground" data-testid="scoring-rule-reason">
          {reason}
        </span>
      ) : null}
      {rescore.pending ? (
        <span className="text-xs" data-testid="scoring-rule-rescoring">
          re-scoring: {fmtCount(rescore.rescored)} re-graded so far
        </span>
      ) : null}
      {lastError ? (
        <span className="text-xs text-destructive" data-testid="scoring-rule-error">
          retrying after: {lastError}
        </span>
      ) : null}
    </div>
  );
}

function ProgressCell({ rule }: { rule: ScoringRuleView }) {
  const { scored, skipped, budgetSkipped, through } = rule.status;
  return (
    <div className="flex flex-col text-xs tabular-nums">
      <span>
        <span className="font-medium" data-testid="scoring-rule-scored">
          {fmtCount(scored)}
        </span>{' '}
        scored · {fmtCount(skipped)} passed over
      </span>
      {budgetSkipped > 0 ? (
        <span className="text-muted-foreground">
          {fmtCount(budgetSkipped)} judge gradings skipped (budget)
        </span>
      ) : null}
      <span className="text-muted-foreground" data-testid="scoring-rule-through">
        {through ? `through ${new Date(through).toLocaleString()}` : 'nothing arrived yet'}
      </span>
    </div>
  );
}

type Confirming = 'rescore' | 'delete' | null;

/** One rule: what it scores, how much, its state and progress, and what can be done with it. */
export function RuleRow({
  rule,
  scorecard,
  onEdit,
}: {
  rule: ScoringRuleView;
  scorecard: ScorecardView | undefined;
  onEdit: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const update = useChannelMutation('scoringRules.update');
  const rescore = useChannelMutation('scoringRules.rescore');
  const archive = useChannelMutation('scoringRules.archive');
  const live = !rule.archived;
  const toggle = () => setOpen((o) => !o);
  return (
    <Fragment>
      <TableRow data-testid="scoring-rule-row" data-rule={rule.name} className="align-top">
        <TableCell className="font-medium">
          <button
            type="button"
            className="flex items-center gap-1 text-left hover:underline"
            aria-expanded={open}
            data-testid="scoring-rule-open"
            onClick={toggle}
          >
            {open ? <ChevronDown className="size-3" /> : <ChevronRight className="size-3" />}
            {rule.name}
          </button>
        </TableCell>
        <TableCell className="text-xs">{scorecard?.name ?? rule.scorecardId}</TableCell>
        <TableCell className="max-w-56 text-xs text-muted-foreground">
          {scoringFilterText(rule.filter)}
        </TableCell>
        <TableCell className="font-mono text-xs">{samplingText(rule.sampling)}</TableCell>
        <TableCell className="font-mono text-xs" data-testid="scoring-rule-budget-text">
          {budgetText(rule.status.spentTodayUsd, rule.dailyBudgetUsd)}
        </TableCell>
        <TableCell>
          <StatusCell rule={rule} />
        </TableCell>
        <TableCell>
          <ProgressCell rule={rule} />
        </TableCell>
        <TableCell>
          {live ? (
            <Checkbox
              aria-label={`${rule.name} enabled`}
              checked={rule.enabled}
              data-testid="scoring-rule-enabled"
              disabled={update.isPending}
              onCheckedChange={(on) => update.mutate({ id: rule.id, enabled: on === true })}
            />
          ) : null}
        </TableCell>
        <TableCell>
          {live ? (
            <div className="flex gap-1">
              <Button
                size="xs"
                variant="ghost"
                aria-label={`Edit ${rule.name}`}
                data-testid="scoring-rule-edit"
                onClick={onEdit}
              >
                <Pencil />
              </Button>
              <Button
                size="xs"
                variant="outline"
                data-testid="scoring-rule-rescore"
                disabled={rescore.isPending || rule.status.scored === 0}
                title={rule.status.scored === 0 ? 'Nothing scored yet' : undefined}
                onClick={() => setConfirming('rescore')}
              >
                <RotateCcw />
                Re-score
              </Button>
              <Button
                size="xs"
                variant="ghost"
                aria-label={`Delete ${rule.name}`}
                data-testid="scoring-rule-delete"
                disabled={archive.isPending}
                onClick={() => setConfirming('delete')}
              >
                <Trash2 />
              </Button>
            </div>
          ) : (
            <Badge variant="outline">deleted</Badge>
          )}
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow>
          <TableCell colSpan={COLUMNS} className="bg-muted/30">
            <RuleScores scorecard={scorecard} />
          </TableCell>
        </TableRow>
      ) : null}
      <ConfirmDialog
        open={confirming === 'rescore'}
        onOpenChange={(o) => !o && setConfirming(null)}
        title={`Re-score ${rule.name}?`}
        description={`Up to ${fmtCount(rule.status.scored)} interactions this rule scored are graded again with the scorecard's current grader versions, in the background. Judge calls count against its daily budget; a version that already scored an interaction does not score it again.`}
        action={`Re-score ${fmtCount(rule.status.scored)} interactions`}
        destructive={false}
        onConfirm={() =>
          rescore.mutate(
            { id: rule.id },
            { onSuccess: () => toast.success(`Re-scoring ${rule.name}`) },
          )
        }
      />
      <ConfirmDialog
        open={confirming === 'delete'}
        onOpenChange={(o) => !o && setConfirming(null)}
        title={`Delete ${rule.name}?`}
        description={`The rule stops scoring and its name is free again. The scores it gave (${fmtCount(rule.status.scored)} interactions) stay.`}
        action="Delete rule"
        onConfirm={() =>
          archive.mutate(
            { id: rule.id, archived: true },
            { onSuccess: () => toast.success(`Deleted ${rule.name}`) },
          )
        }
      />
    </Fragment>
  );
}
