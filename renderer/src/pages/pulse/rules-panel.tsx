import { Play } from 'lucide-react';
import { toast } from 'sonner';
import {
  conditionText,
  formatPulseValue,
  PULSE_METRIC_LABELS,
  windowText,
  type PulseRuleView,
} from '../../../../shared/contract/pulse';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { DeleteButton } from './delete-button';
import { bodyOf } from './rule-draft';
import { RuleForm } from './rule-form';

function RuleState({ rule }: { rule: PulseRuleView }) {
  if (!rule.enabled) return <Badge variant="outline">disabled</Badge>;
  if (rule.lastError)
    return (
      <Badge variant="destructive" title={rule.lastError} data-testid="rule-error">
        cannot evaluate
      </Badge>
    );
  if (rule.firing)
    return (
      <Badge variant="destructive" data-testid="rule-firing">
        firing
      </Badge>
    );
  return <Badge variant="success">{rule.lastEvaluatedAt ? 'ok' : 'not checked yet'}</Badge>;
}

function RuleRow({ rule }: { rule: PulseRuleView }) {
  const update = useChannelMutation('pulse.rules.update');
  const remove = useChannelMutation('pulse.rules.delete');
  const evaluate = useChannelMutation('pulse.rules.evaluate');
  const check = async () => {
    const { evaluations } = await evaluate.mutateAsync({ id: rule.id });
    const e = evaluations[0];
    if (!e) return;
    if (e.error) toast.error(`${rule.name}: ${e.error}`);
    // A fired alert has its own toast, from the pulse.alert event (PulseAlertToasts).
    else if (e.alertId) return;
    else
      toast.success(
        `${rule.name}: ${
          e.value === null
            ? `cannot tell yet (${e.samples} samples)`
            : formatPulseValue(rule.metric, e.value)
        }${e.firing ? ', still firing' : ''}`,
      );
  };
  return (
    <TableRow data-testid="rule-row">
      <TableCell className="font-medium">{rule.name}</TableCell>
      <TableCell className="text-xs">
        {`${PULSE_METRIC_LABELS[rule.metric]} ${conditionText(rule.metric, rule.condition)}`}
      </TableCell>
      <TableCell className="text-xs">{windowText(rule.windowMinutes)}</TableCell>
      <TableCell>
        <RuleState rule={rule} />
      </TableCell>
      <TableCell className="font-mono text-xs" data-testid="rule-last-value">
        {rule.lastValue === null ? '–' : formatPulseValue(rule.metric, rule.lastValue)}
      </TableCell>
      <TableCell>
        <Checkbox
          aria-label={`${rule.name} enabled`}
          checked={rule.enabled}
          data-testid="rule-enabled"
          disabled={update.isPending}
          onCheckedChange={(on) =>
            update.mutate({ id: rule.id, rule: { ...bodyOf(rule), enabled: on === true } })
          }
        />
      </TableCell>
      <TableCell className="flex gap-1">
        <Button
          size="xs"
          variant="outline"
          data-testid="rule-check"
          disabled={!rule.enabled || evaluate.isPending}
          onClick={() => void check().catch(() => undefined)}
        >
          <Play />
          Check now
        </Button>
        <DeleteButton
          name={rule.name}
          testId="rule-delete"
          busy={remove.isPending}
          onDelete={() => remove.mutate({ id: rule.id })}
        />
      </TableCell>
    </TableRow>
  );
}

/** The rules: each one's condition, state and last value, and the form for a new one. */
export function RulesPanel() {
  const rules = useChannelQuery('pulse.rules.list', {}).data?.rules;
  return (
    <div className="flex w-full max-w-6xl flex-col gap-4 px-8 py-5">
      {rules && rules.length > 0 ? (
        <Table data-testid="rules">
          <TableHeader>
            <TableRow>
              <TableHead>Rule</TableHead>
              <TableHead>Alerts when</TableHead>
              <TableHead>Window</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Last value</TableHead>
              <TableHead>On</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule) => (
              <RuleRow key={rule.id} rule={rule} />
            ))}
          </TableBody>
        </Table>
      ) : rules ? (
        <p className="text-sm text-muted-foreground" data-testid="rules-empty">
          No rules yet. A rule watches a scorecard’s mean or pass rate, cost, error rate or p95
          latency over a window and alerts once when it breaks its condition.
        </p>
      ) : null}
      <RuleForm />
    </div>
  );
}
