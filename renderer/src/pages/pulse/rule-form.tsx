import { toast } from 'sonner';
import { isScorecardMetric, pulseRuleBodySchema } from '../../../../shared/contract/pulse';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { CardForm } from './card-form';
import { NumberField, OptionalTextField } from './optional-fields';
import {
  amountPath,
  CONDITION_OPTIONS,
  conditionAmount,
  conditionIn,
  conditionMode,
  EMPTY_RULE,
  METRIC_OPTIONS,
  metricHint,
} from './rule-draft';
import { WebhookPicker } from './webhook-picker';

/** A new pulse rule, checked by the contract's own schema before it is sent. */
export function RuleForm() {
  const form = useContractForm(pulseRuleBodySchema, EMPTY_RULE);
  const create = useChannelMutation('pulse.rules.create', { meta: { form: true } });
  const scorecards = useChannelQuery('scorecards.list', {}).data?.scorecards ?? [];
  const metric = form.watch('metric');
  const condition = form.watch('condition');
  const mode = conditionMode(condition);

  return (
    <CardForm
      form={form}
      add={async (body) => {
        const rule = await create.mutateAsync(body);
        toast.success(`Rule "${rule.name}" created`);
        form.reset(EMPTY_RULE);
      }}
      title="New rule"
      name="rule"
      cardTestId="rule-form-card"
      submitLabel="Create rule"
      busy={create.isPending}
    >
      <div className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] items-start gap-3">
        <Field
          name="name"
          label="Name"
          render={(field) => (
            <Input {...field} className="h-8" data-testid="rule-name" autoComplete="off" />
          )}
        />
        <Field
          name="metric"
          label="Metric"
          render={({ value, onChange, ref: _ref, ...field }) => (
            <OptionSelect
              {...field}
              value={value}
              options={METRIC_OPTIONS}
              data-testid="rule-metric"
              className="h-8"
              onValueChange={(next) => {
                onChange(next);
                // A trace metric takes no scorecard: the schema would refuse one.
                if (!isScorecardMetric(next)) form.setValue('scorecardId', undefined);
              }}
            />
          )}
        />
        {isScorecardMetric(metric) ? (
          <Field
            name="scorecardId"
            label="Scorecard"
            render={({ value, onChange, ref: _ref, ...field }) => (
              <OptionSelect
                {...field}
                value={value ?? ''}
                placeholder={scorecards.length === 0 ? 'No scorecards yet' : 'Pick one'}
                options={scorecards.map((c) => ({
                  value: c.id,
                  label: c.name,
                  testId: `rule-scorecard-${c.name}`,
                }))}
                data-testid="rule-scorecard"
                className="h-8"
                onValueChange={(next) => onChange(next === '' ? undefined : next)}
              />
            )}
          />
        ) : null}
        <Field
          name="condition"
          label="Alert when it"
          render={({ ref: _ref, onBlur, name }) => (
            <OptionSelect
              name={name}
              onBlur={onBlur}
              value={mode}
              options={CONDITION_OPTIONS}
              data-testid="rule-condition"
              className="h-8"
              onValueChange={(next) =>
                form.setValue('condition', conditionIn(next, conditionAmount(condition)), {
                  shouldValidate: form.formState.isSubmitted,
                })
              }
            />
          )}
        />
        <NumberField
          key={mode}
          name={amountPath(mode)}
          label={mode === 'drop_percent' ? 'Percent' : 'Value'}
          hint={mode === 'drop_percent' ? 'of the window before' : metricHint(metric)}
          inputMode="decimal"
          testId="rule-amount"
        />
        <NumberField
          name="windowMinutes"
          label="Window (minutes)"
          hint="compared with the same length before"
          inputMode="numeric"
          testId="rule-window"
        />
        <NumberField
          name="minSamples"
          label="Minimum samples"
          hint={isScorecardMetric(metric) ? 'fully scored targets' : 'LLM calls'}
          inputMode="numeric"
          testId="rule-min-samples"
        />
        <OptionalTextField
          name="filter.prompt"
          label="Prompt (optional)"
          hint="name@label, name@v1.2 or a version id"
          testId="rule-prompt"
        />
        <OptionalTextField name="filter.model" label="Model (optional)" testId="rule-model" />
      </div>
      <WebhookPicker name="webhookIds" />
    </CardForm>
  );
}
