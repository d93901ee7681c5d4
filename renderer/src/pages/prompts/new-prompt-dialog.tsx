import type { KeyboardEvent } from 'react';
import { toast } from 'sonner';
import type { PromptKind } from '../../../../shared/contract';
import { toClientError } from '../../client';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { NEW_PROMPT_DEFAULTS, newPromptSchema } from './new-prompt-form';
import { OptionSelect } from '../../components/ui/option-select';
import { KIND_OPTIONS, starterContent } from './prompt-kinds';

interface NewPromptDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (name: string) => void;
}

const KIND_HINTS: Record<PromptKind, string> = {
  system: 'A reusable system message; chat prompts can reference it.',
  user: 'A reusable user message template with {{variables}}.',
  chat: 'A message list that composes system prompts, user templates and placeholders.',
  text: 'One text prompt for completion-style use.',
};

/** Creates a prompt with a starter v1.0 the backend accepts, then opens it in the editor. */
export function NewPromptDialog({ open, onOpenChange, onCreated }: NewPromptDialogProps) {
  const form = useContractForm(newPromptSchema, NEW_PROMPT_DEFAULTS);
  const create = useChannelMutation('prompts.create', { meta: { form: true } });
  const kind = form.watch('kind');

  const onSubmit = form.handleSubmit(async ({ name, kind, description, tags }) => {
    try {
      const created = await create.mutateAsync({
        name,
        kind,
        ...(description ? { description } : {}),
        ...(tags.length > 0 ? { tags } : {}),
        content: starterContent(kind),
        message: 'Created',
      });
      toast.success(`Created ${name} ${created.version}`);
      form.reset(NEW_PROMPT_DEFAULTS);
      onCreated(name);
    } catch (err) {
      // A taken name is the name's problem: shown under it, like a malformed one.
      const error = toClientError(err);
      if (error.code === 'CONFLICT') form.setError('name', { message: error.message });
      else showSubmitError(form, err);
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-prompt-dialog" className="max-w-md">
        <DialogTitle>New prompt</DialogTitle>
        <DialogDescription>
          It starts at v1.0 with a starter text you can edit right away.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field
              name="name"
              label="Name"
              hint='Lowercase letters, digits, ".", "_", "-" and "/".'
              render={(field) => (
                <Input
                  {...field}
                  data-testid="new-prompt-name"
                  className="font-mono text-[13px]"
                  placeholder="support/system-base"
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                />
              )}
            />
            <Field
              name="kind"
              label="Kind"
              hint={KIND_HINTS[kind]}
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  data-testid="new-prompt-kind"
                  options={KIND_OPTIONS}
                  onKeyDown={submitOnEnter}
                />
              )}
            />
            <Field
              name="description"
              label="Description"
              render={(field) => (
                <Input {...field} data-testid="new-prompt-description" placeholder="Optional" />
              )}
            />
            <Field
              name="tags"
              label="Tags"
              hint="Comma-separated."
              render={(field) => (
                <Input {...field} data-testid="new-prompt-tags" placeholder="support, onboarding" />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onOpenChange(false)}
              errorTestId="new-prompt-error"
              busy={form.formState.isSubmitting}
              submitTestId="create-prompt"
            >
              Create
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * Enter on the closed kind Select submits the form, as it would in a text field, so a
 * keyboard-only user types the name, picks the kind with the arrow keys and presses Enter.
 * Handled (default prevented) here, Radix does not open the list on Enter; arrows still do.
 */
function submitOnEnter(event: KeyboardEvent<HTMLButtonElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.closest('form')?.requestSubmit();
}
