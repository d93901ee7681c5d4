import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';

interface DiscardDialogProps {
  open: boolean;
  onCancel: () => void;
  onDiscard: () => void;
}

/** "You have unsaved changes": keep editing, or drop them and go on. */
export function DiscardDialog({ open, onCancel, onDiscard }: DiscardDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onCancel()}>
      <DialogContent data-testid="discard-dialog" className="max-w-sm" showClose={false}>
        <DialogTitle>Discard unsaved changes?</DialogTitle>
        <DialogDescription className="mt-1">
          The edits to this prompt are not saved as a version yet. Save first (Ctrl+S) to keep them.
        </DialogDescription>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="ghost" size="sm" data-testid="discard-cancel" onClick={onCancel}>
            Keep editing
          </Button>
          <Button variant="destructive" size="sm" data-testid="discard-confirm" onClick={onDiscard}>
            Discard changes
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
