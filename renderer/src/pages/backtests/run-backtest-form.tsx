import { Play } from 'lucide-react';
import { toast } from 'sonner';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { NumberInput } from '../graders/number-input';
import { showServerError } from '../graders/show-server-error';
import { backtestsHref, goToBacktests } from './backtests-route';
import { usdText } from './format';
import { PromptRefFields } from './prompt-ref-fields';
import {
  estimateText,
  RUN_FORM_DEFAULTS,
  runFormSchema,
  runSpec,
  scheduleSpec,
  WEEKDAYS,
  type RunFormValues,
} from './run-form';

type V = RunFormValues;

/**
 * Starts a backtest of the set: one candidate against production (or a replayed prompt
 * version), graded with a scorecard. What it would cost is shown before it starts.
 */
export function RunBacktestForm({ setId }: { setId: string }) {
  const form = useContractForm(runFormSchema, RUN_FORM_DEFAULTS);
  const create = useChannelMutation('backtests.runs.create', { meta: { form: true } });
  const schedule = useChannelMutation('backtests.schedules.create', { meta: { form: true } });
  const prompts = useChannelQuery('prompts.list', {}).data?.prompts ?? [];
  const scorecards = (useChannelQuery('scorecards.list', {}).data?.scorecards ?? []).filter(
    (c) => !c.archived,
  );
  const values = form.watch();
  const parsed = runFormSchema.safeParse(values);
  const estimate = useChannelQuery(
    'backtests.estimate',
    parsed.success ? runSpec(setId, parsed.data) : null,
    { retry: false },
  );
  const provider = values.candidateProvider;

  const onSubmit = form.handleSubmit(async (v) => {
    try {
      if (v.repeat !== 'once') {
        const made = await schedule.mutateAsync(scheduleSpec(setId, v));
        toast.success(`Scheduled ${made.name}: next run ${made.nextRunAt ?? 'not set'}`);
        return;
      }
      const run = await create.mutateAsync({ ...runSpec(setId, v), concurrency: v.concurrency });
      toast.success(`Started ${run.name}`);
      goToBacktests(backtestsHref.run(run.id));
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <Form {...form}>
      <form
        noValidate
        className="flex max-w-3xl flex-col gap-3 rounded-lg border p-4"
        data-testid="run-backtest-form"
        onSubmit={(e) => void onSubmit(e)}
      >
        <h2 className="text-sm font-semibold">Run backtest</h2>
        <PromptRefFields role="candidate" label="Candidate prompt" prompts={prompts} optional />
        <div className="grid grid-cols-2 gap-3">
          <Field<V, 'candidateProvider'>
            name="candidateProvider"
            label="Candidate model (optional)"
            render={({ value, onChange, ref: _ref, ...field }) => (
              <OptionSelect
                {...field}
                value={value}
                options={[
                  { value: '', label: 'Same model as recorded' },
                  ...PROVIDER_IDS.map((id) => ({
                    value: id,
                    label: PROVIDER_LABELS[id],
                    testId: `run-candidate-provider-${id}`,
                  })),
                ]}
                data-testid="run-candidate-provider"
                className="h-8"
                onValueChange={onChange}
              />
            )}
          />
          <Field<V, 'candidateModel'>
            name="candidateModel"
            label="Model id"
            render={(field) => (
              <Input
                {...field}
                data-testid="run-candidate-model"
                className="h-8 font-mono text-xs"
                placeholder={provider === '' ? 'pick a provider first' : 'e.g. gpt-4o'}
                disabled={provider === ''}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          />
        </div>
        <Field<V, 'baselineKind'>
          name="baselineKind"
          label="Baseline"
          render={({ value, onChange, ref: _ref, ...field }) => (
            <OptionSelect
              {...field}
              value={value}
              options={[
                { value: 'production', label: 'Production (what was answered, as recorded)' },
                { value: 'replay', label: 'A prompt version, replayed' },
              ]}
              data-testid="run-baseline"
              className="h-8"
              onValueChange={onChange}
            />
          )}
        />
        {values.baselineKind === 'replay' ? (
          <PromptRefFields
            role="baseline"
            label="Baseline prompt"
            prompts={prompts}
            optional={false}
          />
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <Field<V, 'scorecard'>
            name="scorecard"
            label="Scorecard"
            hint="Grades both sides of every item."
            render={({ value, onChange, ref: _ref, ...field }) => (
              <OptionSelect
                {...field}
                value={value}
                placeholder={scorecards.length ? 'Pick a scorecard' : 'No scorecards yet'}
                options={scorecards.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="run-scorecard"
                className="h-8"
                onValueChange={onChange}
              />
            )}
          />
          <Field<V, 'concurrency'>
            name="concurrency"
            label="Concurrency"
            hint="Items replayed at once."
            render={({ value, onChange, ...field }) => (
              <NumberInput
                {...field}
                value={value}
                onChange={onChange}
                data-testid="run-concurrency"
                className="h-8 font-mono"
              />
            )}
          />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field<V, 'repeat'>
            name="repeat"
            label="Repeat"
            hint="A schedule runs in the app or assay serve, at a UTC time."
            render={({ value, onChange, ref: _ref, ...field }) => (
              <OptionSelect
                {...field}
                value={value}
                options={[
                  { value: 'once', label: 'Once, now' },
                  { value: 'daily', label: 'Daily' },
                  { value: 'weekly', label: 'Weekly' },
                ]}
                data-testid="run-repeat"
                className="h-8"
                onValueChange={onChange}
              />
            )}
          />
          {values.repeat !== 'once' ? (
            <Field<V, 'scheduleName'>
              name="scheduleName"
              label="Schedule name"
              render={(field) => (
                <Input {...field} data-testid="schedule-name" className="h-8" autoComplete="off" />
              )}
            />
          ) : null}
        </div>
        {values.repeat !== 'once' ? (
          <div className="grid grid-cols-3 gap-3">
            <Field<V, 'at'>
              name="at"
              label="At (UTC)"
              render={(field) => (
                <Input
                  {...field}
                  data-testid="schedule-at"
                  className="h-8 font-mono"
                  placeholder="06:00"
                />
              )}
            />
            {values.repeat === 'weekly' ? (
              <Field<V, 'weekday'>
                name="weekday"
                label="On"
                render={({ value, onChange, ref: _ref, ...field }) => (
                  <OptionSelect
                    {...field}
                    value={value}
                    options={WEEKDAYS.map((day, i) => ({ value: String(i), label: day }))}
                    data-testid="schedule-weekday"
                    className="h-8"
                    onValueChange={onChange}
                  />
                )}
              />
            ) : (
              <div />
            )}
            <Field<V, 'alertBelow'>
              name="alertBelow"
              label="Alert when worse by more than"
              hint="A score change (0 to 1); an alert needs a significant drop."
              render={({ value, onChange, ...field }) => (
                <NumberInput
                  {...field}
                  value={value}
                  onChange={onChange}
                  data-testid="schedule-alert-below"
                  className="h-8 font-mono"
                />
              )}
            />
          </div>
        ) : null}
        <p className="text-xs text-muted-foreground" data-testid="run-estimate" aria-live="polite">
          {!parsed.success
            ? 'The estimate shows once a candidate and a scorecard are picked.'
            : estimate.error
              ? estimate.error.toString()
              : estimate.data
                ? `Estimate: ${estimateText(estimate.data, usdText)}`
                : 'Estimating…'}
        </p>
        <FormRootError />
        <Button
          type="submit"
          size="sm"
          className="self-start"
          data-testid="start-backtest"
          disabled={create.isPending || schedule.isPending}
        >
          <Play /> {values.repeat === 'once' ? 'Start backtest' : 'Schedule backtest'}
        </Button>
      </form>
    </Form>
  );
}
