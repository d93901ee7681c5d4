import { toast } from 'sonner';
import type { GraderView, ScorecardView, ScoringRuleView } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { NumberInput } from '../graders/number-input';
import { showServerError } from '../graders/show-server-error';
import { ListField } from './list-field';
import {
  FILTER_FIELDS,
  percentOf,
  ruleFormSchema,
  ruleFormValues,
  ruleUpdate,
  type RuleFormValues,
} from './rule-form';

type V = RuleFormValues;

const KIND_LABELS: Record<GraderView['kind'], string> = {
  deterministic: 'deterministic',
  llm_judge: 'LLM judge',
  code: 'code',
  human: 'human',
};

/** "Accuracy (LLM judge) · Mentions refund (deterministic)": what a scorecard scores with. */
function gradersText(card: ScorecardView | undefined, graders: ReadonlyMap<string, GraderView>) {
  if (!card) return 'Its graders score each interaction the rule takes.';
  const names = card.body.items.map((item) => {
    const g = graders.get(item.graderId);
    return g ? `${g.name} (${KIND_LABELS[g.kind]})` : 'a grader';
  });
  return `Scores with ${names.join(' · ')}.`;
}

interface RuleFormDialogProps {
  /** The rule to edit; null creates one. */
  readonly rule: ScoringRuleView | null;
  readonly scorecards: readonly ScorecardView[];
  readonly graders: ReadonlyMap<string, GraderView>;
  readonly onClose: () => void;
}

/**
 * Creates or edits a rule. The contract's schema checks it before it is sent; what only the
 * core can tell (a name a live rule has, a scorecard archived meanwhile) comes back at its field.
 */
export function RuleFormDialog({ rule, scorecards, graders, onClose }: RuleFormDialogProps) {
  const form = useContractForm(ruleFormSchema, ruleFormValues(rule));
  const create = useChannelMutation('scoringRules.create', { meta: { form: true } });
  const update = useChannelMutation('scoringRules.update', { meta: { form: true } });
  const scorecardId = form.watch('scorecardId');
  // A rule may keep an archived scorecard; it is offered only to the rule that has it.
  const offered = scorecards.filter((c) => !c.archived || c.id === rule?.scorecardId);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = rule
        ? await update.mutateAsync(ruleUpdate(rule.id, values))
        : await create.mutateAsync(values);
      toast.success(rule ? `Saved ${saved.name}` : `Created ${saved.name}`);
      onClose();
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        data-testid="scoring-rule-form"
        className="max-h-[90vh] max-w-2xl overflow-y-auto"
      >
        <DialogTitle>{rule ? `Edit ${rule.name}` : 'New scoring rule'}</DialogTitle>
        <DialogDescription>
          Production interactions that match the filter are sampled and scored by the
          scorecard&apos;s graders as they arrive; judge calls stop for the day when the budget is
          spent.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<V, 'name'>
              name="name"
              label="Name"
              render={(field) => (
                <Input {...field} data-testid="scoring-rule-name" autoComplete="off" autoFocus />
              )}
            />
            <Field<V, 'scorecardId'>
              name="scorecardId"
              label="Scorecard"
              hint={
                offered.length === 0
                  ? 'No scorecards yet: make one on the Scorecards page first.'
                  : gradersText(
                      scorecards.find((c) => c.id === scorecardId),
                      graders,
                    )
              }
              render={({ value, onChange, ref: _ref, ...field }) => (
                <OptionSelect
                  {...field}
                  value={value}
                  placeholder="Pick a scorecard"
                  options={offered.map((c) => ({
                    value: c.id,
                    label: c.archived ? `${c.name} (archived)` : c.name,
                  }))}
                  data-testid="scoring-rule-scorecard"
                  className="h-8"
                  onValueChange={onChange}
                />
              )}
            />
            <fieldset className="grid grid-cols-2 gap-3">
              <legend className="mb-2 text-xs font-medium">
                Filter: every field given must match
              </legend>
              {FILTER_FIELDS.map(({ key, label, hint }) => (
                <ListField
                  key={key}
                  name={`filter.${key}`}
                  label={label}
                  hint={hint}
                  testId={`scoring-rule-filter-${key}`}
                />
              ))}
            </fieldset>
            <div className="grid grid-cols-2 gap-3">
              <Field<V, 'sampling'>
                name="sampling"
                label="Sampling (%)"
                hint="Share of matching interactions scored: 100 scores all, 10 one in ten."
                render={({ value, onChange, ...field }) => (
                  <NumberInput
                    {...field}
                    value={typeof value === 'number' ? percentOf(value) : undefined}
                    onChange={(percent) =>
                      // NaN (not a number) and blank reach the schema, which says why.
                      onChange(percent === undefined ? undefined : percent / 100)
                    }
                    data-testid="scoring-rule-sampling"
                    className="h-8 font-mono"
                  />
                )}
              />
              <Field<V, 'dailyBudgetUsd'>
                name="dailyBudgetUsd"
                label="Daily judge budget (USD)"
                hint="Judge calls a UTC day; the rule pauses when spent. Blank: no limit."
                render={({ value, onChange, ...field }) => (
                  <NumberInput
                    {...field}
                    value={value ?? undefined}
                    onChange={(usd) => onChange(usd ?? null)}
                    data-testid="scoring-rule-budget"
                    className="h-8 font-mono"
                  />
                )}
              />
            </div>
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              errorTestId="scoring-rule-form-error"
              busy={create.isPending || update.isPending}
              submitTestId="save-scoring-rule"
            >
              {rule ? 'Save' : 'Create rule'}
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
