import { Play } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { PromptPicker } from './prompt-picker';
import type { RunSetup } from './eval-route';
import { emptyForm, startInputOf, type RunForm } from './run-form';
import { RunTargets } from './run-targets';
import { useModelSuggestions } from './use-model-suggestions';
import { useRunOptions } from './use-run-options';
import { useStartRun } from './use-start-run';

interface NewRunDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Preselected (the list's dataset filter). */
  dataset: string | null;
  /** A prompt and models to start from (a promptfoo config's), else an empty form. */
  setup?: RunSetup | null;
  onStarted: () => void;
}

/** Starts one run per model over a dataset with a saved prompt version or an inline template. */
export function NewRunDialog({
  open,
  onOpenChange,
  dataset,
  setup = null,
  onStarted,
}: NewRunDialogProps) {
  const options = useRunOptions(open);
  const models = useModelSuggestions();
  const [form, setForm] = useState<RunForm>(() => emptyForm(dataset, setup));
  const [tried, setTried] = useState(false);
  const runner = useStartRun(() => {
    onStarted();
    onOpenChange(false);
  });
  const patch = (next: Partial<RunForm>) => setForm((current) => ({ ...current, ...next }));
  const input = startInputOf(form);
  const problem = typeof input === 'string' ? input : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (typeof input !== 'string') void runner.start(input);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="new-run-dialog"
        className="max-h-[90vh] max-w-2xl overflow-y-auto"
      >
        <DialogTitle>New eval run</DialogTitle>
        <DialogDescription>
          Every case of the dataset runs against each model; the runs start together as a group.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={onSubmit}>
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="run-dataset">Dataset</Label>
              <NativeSelect
                id="run-dataset"
                data-testid="run-dataset"
                value={form.dataset}
                onChange={(e) => patch({ dataset: e.target.value })}
              >
                <option value="">
                  {options.datasets ? 'Pick a dataset' : 'Loading datasets…'}
                </option>
                {(options.datasets ?? []).map((d) => (
                  <option key={d.id} value={d.name}>
                    {`${d.name} (${d.caseCount} cases)`}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="run-name">Name</Label>
              <Input
                id="run-name"
                data-testid="run-name"
                placeholder="dataset · prompt · model"
                value={form.name}
                onChange={(e) => patch({ name: e.target.value })}
              />
            </div>
          </div>
          <PromptPicker prompts={options.prompts} form={form} onChange={patch} />
          <RunTargets
            targets={form.targets}
            suggestions={models.ids}
            onChange={(targets) => patch({ targets })}
            onWantModels={models.listLive}
          />
          <div className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="run-concurrency">Concurrency</Label>
              <Input
                id="run-concurrency"
                data-testid="run-concurrency"
                type="number"
                min={1}
                max={256}
                className="w-24"
                value={form.concurrency}
                onChange={(e) => patch({ concurrency: e.target.value })}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="run-repeat">Repeats</Label>
              <Input
                id="run-repeat"
                data-testid="run-repeat"
                type="number"
                min={1}
                max={20}
                className="w-24"
                value={form.repeat}
                onChange={(e) => patch({ repeat: e.target.value })}
              />
            </div>
            <label className="flex h-8 cursor-pointer items-center gap-1.5 text-xs select-none">
              <input
                type="checkbox"
                className="size-3.5 accent-foreground"
                data-testid="run-bypass-cache"
                checked={form.bypassCache}
                onChange={(e) => patch({ bypassCache: e.target.checked })}
              />
              Bypass cache
            </label>
          </div>
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={runner.error ?? (tried ? problem : null)}
            errorTestId="run-error"
            busy={runner.starting}
            submitTestId="run-start"
            icon={<Play />}
          >
            {form.targets.length > 1 ? `Start ${form.targets.length} runs` : 'Start run'}
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
