import { promptChannels } from '../../../../shared/contract';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { OptionSelect } from '../../components/ui/option-select';
import { useSetLabel } from './use-set-label';

interface SetLabelDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  summary: PromptSummary;
  versions: readonly PromptVersionView[];
  defaultVersion: string;
}

/** The dialog's form: `prompts.setLabel` without the name (the dialog's prompt). */
const setLabelSchema = promptChannels['prompts.setLabel'].input.pick({
  label: true,
  version: true,
});

/** Points a label (production, staging, …) at a version: a promotion or a rollback. */
export function SetLabelDialog(props: SetLabelDialogProps) {
  const { summary, versions } = props;
  const form = useContractForm(setLabelSchema, {
    label: 'production',
    version: props.defaultVersion,
  });
  const setLabel = useSetLabel(summary.name, { form: true });
  const label = form.watch('label');
  const known = [...new Set(['production', 'staging', ...Object.keys(summary.labels)])].filter(
    (l) => l !== 'latest',
  );
  const current = summary.labels[label.trim()];

  const onSubmit = form.handleSubmit(async ({ label, version }) => {
    try {
      await setLabel.mutateAsync({ name: summary.name, label, version });
      props.onOpenChange(false);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent data-testid="set-label-dialog" className="max-w-sm">
        <DialogTitle>Set label</DialogTitle>
        <DialogDescription>
          Applications fetch a prompt by label; moving the label is a release or a rollback.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field
              name="label"
              label="Label"
              hint={current ? `Now on ${current}.` : 'Not set on this prompt yet.'}
              render={(field) => (
                <Input
                  {...field}
                  data-testid="label-input"
                  className="font-mono text-[13px]"
                  spellCheck={false}
                  autoComplete="off"
                />
              )}
            />
            <div className="-mt-1 flex flex-wrap gap-1" aria-label="Known labels">
              {known.map((name) => (
                <Button
                  key={name}
                  type="button"
                  variant={name === label ? 'secondary' : 'outline'}
                  size="xs"
                  className="rounded-full font-mono"
                  aria-pressed={name === label}
                  data-testid={`label-pick-${name}`}
                  onClick={() => form.setValue('label', name, { shouldValidate: true })}
                >
                  {name}
                </Button>
              ))}
            </div>
            <Field
              name="version"
              label="Version"
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  data-testid="label-version"
                  className="font-mono"
                  itemClassName="font-mono"
                  options={versions.map((v) => ({
                    value: v.version,
                    label: `${v.version}${v.message ? ` — ${v.message}` : ''}`,
                  }))}
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => props.onOpenChange(false)}
              errorTestId="set-label-error"
              busy={setLabel.isPending}
              submitTestId="apply-label"
            >
              Apply
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
