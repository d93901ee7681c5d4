import { Trash2 } from 'lucide-react';
import { Button } from '../../components/ui/button';

/** The bin of a row (a rule, a webhook), named for screen readers by what it deletes. */
export function DeleteButton({
  name,
  testId,
  busy,
  onDelete,
}: {
  name: string;
  testId: string;
  busy: boolean;
  onDelete: () => void;
}) {
  return (
    <Button
      size="xs"
      variant="ghost"
      aria-label={`Delete ${name}`}
      data-testid={testId}
      disabled={busy}
      onClick={onDelete}
    >
      <Trash2 />
    </Button>
  );
}
