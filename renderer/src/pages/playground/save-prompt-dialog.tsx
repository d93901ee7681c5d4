import { Save } from 'lucide-react';
import { useMemo } from 'react';
import { toast } from 'sonner';
import {
  PROMPT_KINDS,
  promptChannels,
  type PromptContent,
  type PromptKind,
  type PromptMessage,
  type PromptVersionView,
} from '../../../../shared/contract';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import {
  Field,
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
} from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';

const KIND_HINTS: Record<PromptKind, string> = {
  chat: 'a message list',
  text: 'one text, for completion-style use',
  system: 'a reusable system component',
  user: 'a reusable user component',
};

/** One plain message can be any kind; several (or a component) only a chat prompt. */
function singleText(draft: readonly PromptMessage[]): string | null {
  const [only, ...rest] = draft;
  return only && rest.length === 0 && 'content' in only ? only.content : null;
}

function contentOf(kind: PromptKind, draft: readonly PromptMessage[]): PromptContent {
  return kind === 'chat' ? { messages: [...draft] } : { text: singleText(draft) ?? '' };
}

interface SavePromptDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  draft: readonly PromptMessage[];
  onCreated: (name: string, version: PromptVersionView) => void;
}

/** Saves the Scratch messages as a new prompt (v1.0); the playground then links to it. */
export function SavePromptDialog(props: SavePromptDialogProps) {
  const { open, onOpenChange } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="save-prompt-dialog">
        <DialogTitle>Save as a new prompt</DialogTitle>
        <DialogDescription>
          The messages become the prompt&apos;s first version, v1.0.
        </DialogDescription>
        {open ? <SavePromptForm {...props} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SavePromptForm({ onOpenChange, draft, onCreated }: SavePromptDialogProps) {
  const single = singleText(draft) !== null;
  const schema = useMemo(
    () =>
      promptChannels['prompts.create'].input
        .pick({ name: true, kind: true })
        .refine((v) => single || v.kind === 'chat', {
          path: ['kind'],
          message: 'several messages (or a component) make a chat prompt',
        }),
    [single],
  );
  const form = useContractForm(schema, { name: '', kind: 'chat' });
  const create = useChannelMutation('prompts.create', { meta: { form: true } });

  const submit = form.handleSubmit(async ({ name, kind }) => {
    try {
      const version = await create.mutateAsync({
        name,
        kind,
        content: contentOf(kind, draft),
        message: 'Saved from the playground',
      });
      toast.success(`Saved ${name} ${version.version}`);
      onOpenChange(false);
      onCreated(name, version);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Form {...form}>
      <form noValidate className="mt-3 flex flex-col gap-3" onSubmit={submit}>
        <Field
          name="name"
          label="Name"
          hint="Lowercase, with / for folders: support/triage"
          render={(field) => (
            <Input
              {...field}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              data-testid="save-prompt-name"
            />
          )}
        />
        {/* The parts, not Field: the label and the error belong to the Select's trigger. */}
        <FormField
          control={form.control}
          name="kind"
          render={({ field: { value, onChange, onBlur, ref, name, disabled } }) => (
            <FormItem>
              <FormLabel>Kind</FormLabel>
              <Select value={value} onValueChange={onChange} name={name} disabled={disabled}>
                <FormControl>
                  <SelectTrigger ref={ref} onBlur={onBlur} data-testid="save-prompt-kind">
                    <SelectValue />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {PROMPT_KINDS.map((kind) => (
                    <SelectItem
                      key={kind}
                      value={kind}
                      disabled={!single && kind !== 'chat'}
                      data-testid={`save-prompt-kind-${kind}`}
                    >
                      {`${kind} · ${KIND_HINTS[kind]}`}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              {single ? null : (
                <FormDescription>
                  Several messages (or a component) make a chat prompt.
                </FormDescription>
              )}
              <FormMessage />
            </FormItem>
          )}
        />
        <FormRootError />
        <DialogFormFooter
          onCancel={() => onOpenChange(false)}
          busy={form.formState.isSubmitting}
          submitTestId="save-prompt-submit"
          errorTestId="save-prompt-error"
          icon={<Save />}
        >
          Save prompt
        </DialogFormFooter>
      </form>
    </Form>
  );
}
