import { ClipboardPlus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { StealSheet } from './steal-sheet';

/** "Steal as eval" for a whole interaction: its input as variables, its output as expected. */
export function StealInteractionButton({ interactionId }: { interactionId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        onClick={() => setOpen(true)}
        data-testid="interaction-steal"
      >
        <ClipboardPlus />
        Steal as eval
      </Button>
      {open ? (
        <StealSheet source={{ kind: 'interaction', interactionId }} open onOpenChange={setOpen} />
      ) : null}
    </>
  );
}
