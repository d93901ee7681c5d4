import { Play } from 'lucide-react';
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import type { ProviderId } from '../../../../shared/contract';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormField, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { SelectItem } from '../../components/ui/select';
import { useContractForm } from '../../query/contract-form';
import type { RunSetup } from './eval-route';
import { ModelRefPicker } from './model-ref-picker';
import { lastSettings, rememberSettings } from './new-run/last-settings';
import { runFormSchema, type RunFormValues } from './new-run/run-form-schema';
import { ScorecardPicker } from './new-run/scorecard-picker';
import { ScorersSection } from './new-run/scorers-section';
import { SelectField } from './new-run/select-field';
import { scorerErrorsOf, scorerErrorsOfForm } from './new-run/scorer-errors';
import { useMatcherTypes } from '../../components/matchers/use-matcher-types';
import { usePromptModel } from './new-run/use-prompt-model';
import { PreflightProblems, PreflightSummary } from './preflight-notes';
import { PromptPicker } from './prompt-picker';
import { emptyForm, type RunForm } from './run-form';
import { RunSettingsRow } from './run-settings-row';
import { RunTargets } from './run-targets';
import { useModelSuggestions } from './use-model-suggestions';
import { usePreflight } from './use-preflight';
import { useRunOptions } from './use-run-options';
import { useStartRun } from './use-start-run';

interface NewRunDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Preselected (the list's dataset filter). */
  dataset: string | null;
  /** A prompt and models to start from (a promptfoo config's), else the last run's settings. */
  setup?: RunSetup | null;
  /** A whole form to start from (re-running a run); wins over the rest. */
  initial?: RunForm | null;
  onStarted: () => void;
}

/** Similarity embeds through OpenAI's API or a local OpenAI-compatible server only. */
const EMBEDDING_PROVIDERS: readonly ProviderId[] = ['openai', 'local'];

/** The form the dialog opens with: a run to redo, a setup, else the last run's settings. */
function openingForm(
  dataset: string | null,
  setup: RunSetup | null,
  initial: RunForm | null,
): RunForm {
  if (initial) return initial;
  if (setup) return emptyForm(dataset, setup);
  const last = lastSettings();
  if (!last) return emptyForm(dataset);
  // The list's dataset filter says which dataset the user is looking at: it wins.
  return dataset ? { ...last, dataset } : last;
}

/** The form's values as react-hook-form holds them (mutable copies of the draft's lists). */
function valuesOf(form: RunForm): RunFormValues {
  return {
    ...form,
    targets: form.targets.map((t) => ({ ...t })),
    judge: { ...form.judge },
    embedding: { ...form.embedding },
    scorers: {
      useDatasetMatchers: form.scorers.useDatasetMatchers,
      skip: [...form.scorers.skip],
      add: form.scorers.add.map((m) => ({ ...m })),
    },
  };
}

/**
 * Starts one run per model over a dataset with a saved prompt version or an inline template.
 * The dataset is checked against the prompt, matchers and scorers as the form changes
 * (pre-flight), and what blocks the run is shown next to the field it is about; Start waits
 * until nothing does.
 */
export function NewRunDialog(props: NewRunDialogProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        data-testid="new-run-dialog"
        className="max-h-[90vh] max-w-2xl overflow-y-auto"
      >
        <DialogTitle>New eval run</DialogTitle>
        <DialogDescription>
          Every case of the dataset runs against each model; the runs start together as a group.
        </DialogDescription>
        {/* Mounted while open only: each opening starts from its sources as they are then. */}
        <NewRunForm {...props} />
      </DialogContent>
    </Dialog>
  );
}

function NewRunForm({
  open,
  onOpenChange,
  dataset,
  setup = null,
  initial = null,
  onStarted,
}: NewRunDialogProps) {
  const options = useRunOptions(open);
  const models = useModelSuggestions();
  const types = useMatcherTypes(open);
  const form = useContractForm(runFormSchema, valuesOf(openingForm(dataset, setup, initial)));
  const values = useWatch({ control: form.control }) as RunFormValues;
  const runner = useStartRun(form, () => {
    rememberSettings(form.getValues());
    onStarted();
    onOpenChange(false);
  });
  const { clearRefusal } = runner;
  useEffect(() => {
    // A refusal speaks for the form it was about: any change hands over to the pre-flight.
    const subscription = form.watch(() => clearRefusal());
    return () => subscription.unsubscribe();
  }, [form, clearRefusal]);
  const check = usePreflight(values, open);
  usePromptModel(values, open, (targets) =>
    form.setValue('targets', targets, { shouldDirty: true }),
  );
  // A refusal from evals.start speaks for the form until it changes; else the latest check.
  const preflight = runner.refused ?? check.preflight;
  const current = runner.refused !== null || check.current;
  // Problems block Start until a check of the changed form clears them (not while it runs).
  const blocked =
    (preflight !== null && !preflight.ok && (current || check.error === null)) ||
    (check.error !== null && check.current);
  // A scorer's option the server refused shows next to that option, from Start or the check.
  const fromStart = scorerErrorsOfForm(form.formState.errors.scorers?.add);
  const fromCheck = scorerErrorsOf(check.error);
  const scorerErrors = fromStart.size > 0 ? fromStart : fromCheck;
  const checkError = check.error && fromCheck.size === 0 ? check.error.toString() : null;

  const onSubmit = form.handleSubmit((input) => {
    if (!blocked) runner.start(input);
  });

  return (
    <Form {...form}>
      <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={onSubmit}>
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            name="dataset"
            label="Dataset"
            testId="run-dataset"
            placeholder={options.datasets ? 'Pick a dataset' : 'Loading datasets…'}
          >
            {(options.datasets ?? []).map((d) => (
              <SelectItem key={d.id} value={d.name}>
                {`${d.name} (${d.caseCount} cases)`}
              </SelectItem>
            ))}
          </SelectField>
          <Field<RunFormValues, 'name'>
            name="name"
            label="Name"
            render={(field) => (
              <Input data-testid="run-name" placeholder="dataset · prompt · model" {...field} />
            )}
          />
        </div>
        <PromptPicker prompts={options.prompts} />
        {check.asked ? (
          <div className="flex flex-col gap-1.5">
            <PreflightProblems preflight={preflight} place="prompt" />
            <PreflightProblems preflight={preflight} place="dataset" />
            {checkError && !runner.refused ? (
              <p className="text-xs text-destructive" data-testid="preflight-error">
                {checkError}
              </p>
            ) : null}
            <PreflightSummary preflight={preflight} current={current} />
          </div>
        ) : null}
        <RunTargets suggestions={models.ids} onWantModels={models.listLive} />
        <FormField<RunFormValues, 'scorers'>
          name="scorers"
          render={({ field }) => (
            <ScorersSection
              scorers={field.value}
              datasetMatchers={check.asked ? (preflight?.datasetMatchers ?? null) : null}
              types={types}
              errors={scorerErrors}
              onChange={(scorers) => {
                form.clearErrors('scorers');
                field.onChange(scorers);
              }}
            />
          )}
        />
        <div className="grid grid-cols-2 gap-3">
          <ScorecardPicker open={open}>
            <PreflightProblems preflight={preflight} place="scorecard" />
          </ScorecardPicker>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <ModelRefPicker
            role="judge"
            label="Judge model"
            hint="Judges llm-judge matchers that name no model of their own"
            providers={PROVIDER_IDS}
            onWantModels={models.listLive}
          >
            <PreflightProblems preflight={preflight} place="judge" />
          </ModelRefPicker>
          <ModelRefPicker
            role="embedding"
            label="Embedding model"
            hint="What similarity matchers embed with (OpenAI or a local server)"
            providers={EMBEDDING_PROVIDERS}
            onWantModels={models.listLive}
          >
            <PreflightProblems preflight={preflight} place="embedding" />
          </ModelRefPicker>
        </div>
        <RunSettingsRow />
        {runner.refused ? (
          <p className="text-xs text-destructive" role="alert" data-testid="run-refused">
            Not started: the server found what is marked above. Change the dataset, prompt or models
            to check again.
          </p>
        ) : null}
        <FormRootError />
        <DialogFormFooter
          onCancel={() => onOpenChange(false)}
          errorTestId="run-error"
          busy={runner.starting}
          disabled={blocked}
          submitTestId="run-start"
          icon={<Play />}
        >
          {values.targets.length > 1 ? `Start ${values.targets.length} runs` : 'Start run'}
        </DialogFormFooter>
      </form>
    </Form>
  );
}
