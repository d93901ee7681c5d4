import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { SaveCaseDialog } from './save-case-dialog';

/**
 * "Steal as eval": opens the edit step that turns a traced call into a test case. Shown wherever
 * a span is (the span dialog of an eval result, a playground column); `testKey` tells several on
 * one page apart (a playground column's index).
 */
export function SaveAsCase({ testKey, spanId }: { testKey: string | number; spanId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="flex items-center gap-1 text-muted-foreground hover:text-foreground"
        data-testid={`save-as-case-${testKey}`}
        title="Add this call to a dataset as a test case"
        onClick={() => setOpen(true)}
      >
        <FlaskConical className="size-3" />
        to dataset
      </button>
      {open ? <SaveCaseDialog spanId={spanId} open onOpenChange={setOpen} /> : null}
    </>
  );
}
