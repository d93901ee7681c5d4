import { useEffect, useMemo, useState } from 'react';
import { expectedText, varsText } from '../../pages/datasets/case-fields';
import { useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { lastDataset, NEW_DATASET, saveCaseSchema } from './save-case-form';

/** What a case draft (from a span or an interaction) starts the form with. */
export interface CaseDraftFields {
  readonly vars: Record<string, string>;
  readonly expected?: unknown;
  readonly description: string;
}

/**
 * The save-as-case form, filled from a draft, and the live datasets it can go into. The last
 * dataset used is picked once the list says it still exists; a new one when there is none.
 */
export function useCaseForm(draft: CaseDraftFields) {
  const list = useChannelQuery('datasets.list', {});
  // None once the list failed (already toasted): a new dataset can still be named.
  const datasets = useMemo(
    () =>
      list.data ? list.data.datasets.filter((d) => d.deletedAt === null) : list.error ? [] : null,
    [list.data, list.error],
  );
  const form = useContractForm(saveCaseSchema, {
    picked: '',
    newName: '',
    vars: varsText(draft.vars),
    expected: expectedText(draft.expected),
    description: draft.description,
    tags: '',
    matchers: [],
  });
  const picked = form.watch('picked');
  const [remembered] = useState(lastDataset);
  useEffect(() => {
    if (picked !== '' || !datasets) return;
    const preset = datasets.some((d) => d.name === remembered)
      ? remembered
      : datasets.length === 0
        ? NEW_DATASET
        : '';
    if (preset) form.setValue('picked', preset);
  }, [picked, datasets, remembered, form]);
  return { form, datasets, picked };
}
