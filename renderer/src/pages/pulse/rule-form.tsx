import { LoaderCircle, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { isScorecardMetric, pulseRuleBodySchema } from '../../../../shared/contract/pulse';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { Checkbox } from '../../components/ui/checkbox';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
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

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));
const textOrUndefined = (text: string) => (text.trim() === '' ? undefined : text);

/** A new pulse rule, checked by the contract's own schema before it is sent. */
export function RuleForm() {
  const form = useContractForm(pulseRuleBodySchema, EMPTY_RULE);
  const create = useChannelMutation('pulse.rules.create', { meta: { form: true } });
  const scorecards = useChannelQuery('scorecards.list', {}).data?.scorecards ?? [];
  const webhooks = useChannelQuery('pulse.webhooks.list', {}).data?.webhooks ?? [];
  const metric = form.watch('metric');
  const condition = form.watch('condition');
  const mode = conditionMode(condition);

  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const rule = await create.mutateAsync(body);
      toast.success(`Rule "${rule.name}" created`);
      form.reset(EMPTY_RULE);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Card data-testid="rule-form-card">
      <Form {...form}>
        <form noValidate data-testid="rule-form" onSubmit={(e) => void onSubmit(e)}>
          <CardContent className="flex flex-col gap-3 py-3">
            <h2 className="text-sm font-semibold">New rule</h2>
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
              <Field
                key={mode}
                name={amountPath(mode)}
                label={mode === 'drop_percent' ? 'Percent' : 'Value'}
                hint={mode === 'drop_percent' ? 'of the window before' : metricHint(metric)}
                render={(field) => (
                  <Input
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    className="h-8 font-mono"
                    inputMode="decimal"
                    data-testid="rule-amount"
                    value={typeof field.value === 'number' ? String(field.value) : ''}
                    onChange={(e) => field.onChange(numberOrUndefined(e.target.value))}
                  />
                )}
              />
              <Field
                name="windowMinutes"
                label="Window (minutes)"
                hint="compared with the same length before"
                render={(field) => (
                  <Input
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    className="h-8 font-mono"
                    inputMode="numeric"
                    data-testid="rule-window"
                    value={typeof field.value === 'number' ? String(field.value) : ''}
                    onChange={(e) => field.onChange(numberOrUndefined(e.target.value))}
                  />
                )}
              />
              <Field
                name="minSamples"
                label="Minimum samples"
                hint={isScorecardMetric(metric) ? 'fully scored targets' : 'LLM calls'}
                render={(field) => (
                  <Input
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    className="h-8 font-mono"
                    inputMode="numeric"
                    data-testid="rule-min-samples"
                    value={typeof field.value === 'number' ? String(field.value) : ''}
                    onChange={(e) => field.onChange(numberOrUndefined(e.target.value))}
                  />
                )}
              />
              <Field
                name="filter.prompt"
                label="Prompt (optional)"
                hint="name@label, name@v1.2 or a version id"
                render={(field) => (
                  <Input
                    {...field}
                    className="h-8 font-mono"
                    data-testid="rule-prompt"
                    value={field.value ?? ''}
                    onChange={(e) => field.onChange(textOrUndefined(e.target.value))}
                  />
                )}
              />
              <Field
                name="filter.model"
                label="Model (optional)"
                render={(field) => (
                  <Input
                    {...field}
                    className="h-8 font-mono"
                    data-testid="rule-model"
                    value={field.value ?? ''}
                    onChange={(e) => field.onChange(textOrUndefined(e.target.value))}
                  />
                )}
              />
            </div>
            <Field
              name="webhookIds"
              label="Send to webhooks"
              hint={
                webhooks.length === 0 ? 'None set up yet (Webhooks tab): inbox only.' : undefined
              }
              render={({ value, onChange }) => (
                <div className="flex flex-wrap gap-4" data-testid="rule-webhooks">
                  {webhooks.map((hook) => {
                    const ids: string[] = value ?? [];
                    return (
                      <label key={hook.id} className="flex items-center gap-2 text-xs">
                        <Checkbox
                          checked={ids.includes(hook.id)}
                          data-testid={`rule-webhook-${hook.name}`}
                          onCheckedChange={(on) =>
                            onChange(
                              on === true ? [...ids, hook.id] : ids.filter((id) => id !== hook.id),
                            )
                          }
                        />
                        {hook.name}
                      </label>
                    );
                  })}
                </div>
              )}
            />
            <FormRootError />
            <Button
              type="submit"
              size="sm"
              className="self-start"
              data-testid="rule-submit"
              disabled={create.isPending}
            >
              {create.isPending ? <LoaderCircle className="animate-spin" /> : <Plus />}
              Create rule
            </Button>
          </CardContent>
        </form>
      </Form>
    </Card>
  );
}
