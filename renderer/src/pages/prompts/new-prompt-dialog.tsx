import { useState } from 'react';
import { toast } from 'sonner';
import type { PromptKind } from '../../../../shared/contract';
import { PROMPT_KINDS } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { useFormSubmit } from '../../lib/use-form-submit';
import { isPromptKind, KIND_LABELS, starterContent } from './prompt-kinds';

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

const splitTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/** Creates a prompt with a starter v1.0 the backend accepts, then opens it in the editor. */
export function NewPromptDialog({ open, onOpenChange, onCreated }: NewPromptDialogProps) {
  const client = useClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PromptKind>('system');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const form = useFormSubmit();
  const errors = form.fieldErrors;

  const onSubmit = form.onSubmit(async () => {
    const created = await client.invoke('prompts.create', {
      name: name.trim(),
      kind,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(splitTags(tags).length > 0 ? { tags: splitTags(tags) } : {}),
      content: starterContent(kind),
      message: 'Created',
    });
    toast.success(`Created ${name.trim()} ${created.version}`);
    setName('');
    setDescription('');
    setTags('');
    onCreated(name.trim());
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-prompt-dialog" className="max-w-md">
        <DialogTitle>New prompt</DialogTitle>
        <DialogDescription>
          It starts at v1.0 with a starter text you can edit right away.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={onSubmit}>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-prompt-name">Name</Label>
            <Input
              id="new-prompt-name"
              data-testid="new-prompt-name"
              className="font-mono text-[13px]"
              placeholder="support/system-base"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={name}
              aria-invalid={errors.name ? true : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            <p
              className={errors.name ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}
            >
              {errors.name ?? 'Lowercase letters, digits, ".", "_", "-" and "/".'}
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-prompt-kind">Kind</Label>
            <NativeSelect
              id="new-prompt-kind"
              data-testid="new-prompt-kind"
              value={kind}
              onChange={(event) => isPromptKind(event.target.value) && setKind(event.target.value)}
            >
              {PROMPT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground">{KIND_HINTS[kind]}</p>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-prompt-description">Description</Label>
            <Input
              id="new-prompt-description"
              data-testid="new-prompt-description"
              placeholder="Optional"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-prompt-tags">Tags</Label>
            <Input
              id="new-prompt-tags"
              data-testid="new-prompt-tags"
              placeholder="support, onboarding"
              value={tags}
              aria-invalid={errors.tags ? true : undefined}
              onChange={(event) => setTags(event.target.value)}
            />
          </div>
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={form.error}
            errorTestId="new-prompt-error"
            busy={form.busy}
            submitTestId="create-prompt"
          >
            Create
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
