import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import type { InteractionType } from '../../../../shared/contract';
import { INTERACTION_TYPES } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { fieldErrorsOf } from '../../lib/field-errors';
import { INTERACTION_LABELS, isInteractionType } from './interaction-types';
import { splitTags } from './tags-text';

interface NewDatasetDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (name: string) => void;
}

/** Creates an empty dataset; cases are added in the table or imported afterwards. */
export function NewDatasetDialog({ open, onOpenChange, onCreated }: NewDatasetDialogProps) {
  const client = useClient();
  const [name, setName] = useState('');
  const [type, setType] = useState<InteractionType>('chat');
  const [tags, setTags] = useState('');
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreating(true);
    setErrors({});
    setError(null);
    try {
      const created = await client.invoke('datasets.create', {
        name: name.trim(),
        interactionType: type,
        tags: splitTags(tags),
      });
      toast.success(`Created ${created.name}`);
      setName('');
      setTags('');
      onCreated(created.name);
    } catch (err) {
      const clientError = toClientError(err);
      setError(clientError.toString());
      setErrors(fieldErrorsOf(clientError));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-dataset-dialog" className="max-w-md">
        <DialogTitle>New dataset</DialogTitle>
        <DialogDescription>
          An empty dataset; add cases in the table or import a file.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-dataset-name">Name</Label>
            <Input
              id="new-dataset-name"
              data-testid="new-dataset-name"
              className="font-mono text-[13px]"
              placeholder="support/faq"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={name}
              aria-invalid={errors.name ? true : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <p
              className={errors.name ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}
            >
              {errors.name ?? 'Lowercase letters, digits, ".", "_", "-" and "/".'}
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-dataset-type">Interaction type</Label>
            <NativeSelect
              id="new-dataset-type"
              data-testid="new-dataset-type"
              value={type}
              onChange={(e) => isInteractionType(e.target.value) && setType(e.target.value)}
            >
              {INTERACTION_TYPES.map((value) => (
                <option key={value} value={value}>
                  {INTERACTION_LABELS[value]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="new-dataset-tags">Tags</Label>
            <Input
              id="new-dataset-tags"
              data-testid="new-dataset-tags"
              placeholder="support, refunds"
              value={tags}
              aria-invalid={errors.tags ? true : undefined}
              onChange={(e) => setTags(e.target.value)}
            />
          </div>
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={error}
            errorTestId="new-dataset-error"
            busy={creating}
            submitTestId="create-dataset"
          >
            Create
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
