import { Save } from 'lucide-react';
import { toast } from 'sonner';
import {
  promptChannels,
  type PromptMessage,
  type PromptVersionView,
} from '../../../../shared/contract';
import { Checkbox } from '../../components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { contentOfDraft } from './prompt-content';
import type { PromptSource } from './types';

const schema = promptChannels['prompts.update'].input.pick({ message: true, major: true });

interface SaveVersionDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  source: PromptSource;
  draft: readonly PromptMessage[];
  onSaved: (version: PromptVersionView) => void;
}

/**
 * "Save as new version": `prompts.update` with the edited messages (the text, for single-text
 * kinds) and the version the edit started from, so a version saved meanwhile is a conflict
 * (shown in the form; the edits stay).
 */
export function SaveVersionDialog(props: SaveVersionDialogProps) {
  const { open, onOpenChange, source } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="save-version-dialog">
        <DialogTitle>{`Save ${source.summary.name} as a new version`}</DialogTitle>
        <DialogDescription>
          {`The edited messages become the next version after ${source.version.version}, with its saved config.`}
        </DialogDescription>
        {/* Mounted while open: each opening starts from a fresh message. */}
        {open ? <SaveVersionForm {...props} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SaveVersionForm({ onOpenChange, source, draft, onSaved }: SaveVersionDialogProps) {
  const { summary, version } = source;
  const form = useContractForm(schema, {
    message: `Edited in the playground from ${version.version}`,
    major: false,
  });
  const update = useChannelMutation('prompts.update', { meta: { form: true } });

  const submit = form.handleSubmit(async (values) => {
    try {
      const reply = await update.mutateAsync({
        name: summary.name,
        content: contentOfDraft(summary.kind, draft, version),
        baseVersion: version.version,
        ...values,
      });
      if (reply.created) {
        toast.success(`Saved ${summary.name} ${reply.version.version}`, {
          description: `New version from ${version.version}.`,
        });
      } else {
        toast.info(`No new version: the content matches ${reply.version.version}`);
      }
      onOpenChange(false);
      onSaved(reply.version);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Form {...form}>
      <form noValidate className="mt-3 flex flex-col gap-3" onSubmit={submit}>
        <Field
          name="message"
          label="Message"
          hint="Why this version: shown in the prompt's history."
          render={(field) => (
            <Input {...field} value={field.value ?? ''} data-testid="save-version-message" />
          )}
        />
        <Field
          name="major"
          label="Major version"
          hint={`Checked, the version becomes v${version.major + 1}.0 instead of v${version.major}.${version.minor + 1}.`}
          render={({ value, onChange, ...field }) => (
            <Checkbox
              {...field}
              checked={value ?? false}
              onCheckedChange={(checked) => onChange(checked === true)}
              data-testid="save-version-major"
            />
          )}
        />
        <FormRootError />
        <DialogFormFooter
          onCancel={() => onOpenChange(false)}
          busy={form.formState.isSubmitting}
          submitTestId="save-version-submit"
          errorTestId="save-version-error"
          icon={<Save />}
        >
          Save version
        </DialogFormFooter>
      </form>
    </Form>
  );
}
