import { useCallback, useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, TestCaseView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

export type CasePatch = Omit<ChannelInput<'cases.update'>, 'id' | 'baseRevision'>;

interface CaseEditHandlers {
  /** A case came back changed (its revision bumped). */
  onUpdated: (updated: TestCaseView) => void;
  /** Cases were added or deleted: the page and the count need loading again. */
  onCountChanged: () => void;
}

/**
 * Saves, deletes and adds cases. Updates carry the revision they started from, so an edit made
 * elsewhere in between is refused as a conflict (the client toasts the coded error).
 */
export function useCaseEdits(dataset: string, handlers: CaseEditHandlers) {
  const client = useClient();
  const { onUpdated, onCountChanged } = handlers;
  const [deleting, setDeleting] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const update = useCallback(
    async (testCase: TestCaseView, patch: CasePatch): Promise<boolean> => {
      try {
        const updated = await client.invoke('cases.update', {
          id: testCase.id,
          baseRevision: testCase.revision,
          ...patch,
        });
        onUpdated(updated);
        return true;
      } catch {
        return false;
      }
    },
    [client, onUpdated],
  );

  const remove = useCallback(
    async (testCase: TestCaseView): Promise<boolean> => {
      setDeleting(testCase.id);
      try {
        await client.invoke('cases.delete', { id: testCase.id });
        toast.success(`Deleted case #${testCase.position}`);
        onCountChanged();
        return true;
      } catch {
        return false;
      } finally {
        setDeleting(null);
      }
    },
    [client, onCountChanged],
  );

  /** Appends an empty case (one `input` variable) and resolves with it. */
  const add = useCallback(async (): Promise<TestCaseView | null> => {
    setAdding(true);
    try {
      const { cases } = await client.invoke('cases.add', {
        dataset,
        cases: [{ vars: { input: '' } }],
      });
      onCountChanged();
      return cases[0] ?? null;
    } catch {
      return null;
    } finally {
      setAdding(false);
    }
  }, [client, dataset, onCountChanged]);

  return { update, remove, add, deleting, adding };
}
