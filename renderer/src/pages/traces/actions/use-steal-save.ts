import type { UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { toClientError } from '../../../client';
import type { saveCaseSchema, SaveCaseValues } from '../../../components/span/save-case-form';
import { NEW_DATASET, rememberDataset } from '../../../components/span/save-case-form';
import { useChannelMutation } from '../../../query/channel-query';
import { useQueryTransport } from '../../../query/query-transport';
import { showCaseError } from '../../datasets/case-form';
import { datasetHref } from '../../datasets/dataset-route';
import type { StealSource } from './steal-source';

type StealForm = UseFormReturn<SaveCaseValues, unknown, z.output<typeof saveCaseSchema>>;

/**
 * Saves the edited draft: masked first when the user keeps masking on (the mask is computed
 * on exactly what is saved), into the dataset picked or one made here. Nothing is stored
 * before this runs.
 */
export function useStealSave(
  source: StealSource,
  form: StealForm,
  masked: boolean,
  onSaved: () => void,
) {
  const transport = useQueryTransport();
  const create = useChannelMutation('datasets.create', { meta: { form: true } });
  const fromSpan = useChannelMutation('cases.fromSpan', {
    invalidates: ['cases', 'datasets'],
    meta: { form: true },
  });
  const fromInteraction = useChannelMutation('cases.fromInteraction', {
    invalidates: ['cases', 'datasets'],
    meta: { form: true },
  });

  const save = async (values: z.output<typeof saveCaseSchema>) => {
    const { picked, newName, ...fields } = values;
    const creating = picked === NEW_DATASET;
    const dataset = creating ? newName.trim() : picked;
    if (creating) {
      try {
        await create.mutateAsync({ name: dataset });
      } catch (err) {
        form.setError('newName', { message: toClientError(err).message });
        return;
      }
      form.setValue('picked', dataset);
      form.setValue('newName', '');
    }
    try {
      let { vars, expected } = fields;
      if (masked) {
        const preview = await transport.invoke('cases.redactionPreview', {
          vars,
          ...(expected === null || expected === undefined ? {} : { expected }),
        });
        vars = preview.vars;
        expected = (preview.expected ?? null) as typeof expected;
      }
      const input = { dataset, ...fields, vars, expected };
      const added =
        source.kind === 'span'
          ? await fromSpan.mutateAsync({ spanId: source.spanId, ...input })
          : await fromInteraction.mutateAsync({
              interactionId: source.interactionId,
              ...input,
            });
      rememberDataset(dataset);
      toast.success(`Added as case #${added.position} of ${dataset}`, {
        action: {
          label: 'Open',
          onClick: () => {
            window.location.hash = datasetHref(dataset);
          },
        },
      });
      onSaved();
    } catch (err) {
      showCaseError(form, err);
    }
  };

  return {
    save,
    busy: create.isPending || fromSpan.isPending || fromInteraction.isPending,
  };
}
