import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';
import { Button } from '../ui/button';
import { Input } from '../ui/input';

// The key predates the span dialog; kept so the dataset last chosen is remembered across updates.
const LAST_DATASET = 'assay.playground.lastDataset';

/**
 * "Steal as eval": turns a traced call into a test case of a dataset in one action
 * (cases.fromSpan takes the input from the span's request and the reply as the expected output).
 * `testKey` tells several on one page apart (a playground column's index).
 */
export function SaveAsCase({ testKey, spanId }: { testKey: string | number; spanId: string }) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [dataset, setDataset] = useState(() => localStorage.getItem(LAST_DATASET) ?? 'playground');
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      const name = dataset.trim();
      const existing = await client.invoke('datasets.list', {});
      if (!existing.datasets.some((d) => d.name === name))
        await client.invoke('datasets.create', { name });
      const added = await client.invoke('cases.fromSpan', { spanId, dataset: name });
      localStorage.setItem(LAST_DATASET, name);
      toast.success(`Added as case #${added.position} of ${name}`);
      setOpen(false);
    } catch {
      // The toasting client already showed the coded error.
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
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
    );
  }
  return (
    <span className="flex items-center gap-1">
      <Input
        className="h-6 w-36 text-[11px]"
        value={dataset}
        aria-label="Dataset"
        data-testid={`save-as-case-dataset-${testKey}`}
        onChange={(e) => setDataset(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      <Button
        size="sm"
        className="h-6 px-2 text-[11px]"
        disabled={busy}
        data-testid={`save-as-case-confirm-${testKey}`}
        onClick={() => void save()}
      >
        Add
      </Button>
    </span>
  );
}
