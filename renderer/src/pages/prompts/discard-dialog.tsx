import { ConfirmDialog } from '../../components/ui/alert-dialog';

interface DiscardDialogProps {
  open: boolean;
  onCancel: () => void;
  onDiscard: () => void;
}

/** "You have unsaved changes": keep editing (the focused, safe answer), or drop them and go on. */
export function DiscardDialog({ open, onCancel, onDiscard }: DiscardDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onCancel()}
      title="Discard unsaved changes?"
      description="The edits to this prompt are not saved as a version yet. Save first (Ctrl+S) to keep them."
      action="Discard changes"
      onConfirm={onDiscard}
    />
  );
}
