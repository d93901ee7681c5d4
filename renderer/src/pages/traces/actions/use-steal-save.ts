import { toast } from 'sonner';
import type { z } from 'zod';
import type { saveCaseSchema } from '../../../components/span/save-case-form';
import { rememberDataset } from '../../../components/span/save-case-form';
import { useCaseDataset, type SaveCaseForm } from '../../../components/span/use-case-dataset';
import { useChannelMutation } from '../../../query/channel-query';
import { useQueryTransport } from '../../../query/query-transport';
import { showCaseError } from '../../datasets/case-form';
import { datasetHref } from '../../datasets/dataset-route';
import type { StealSource } from './steal-source';

/**
 * Saves the edited draft: masked first when the user keeps masking on (the mask is computed
 * on exactly what is saved), into the dataset picked or one made here. Nothing is stored
 * before this runs.
 */
export function useStealSave(
  source: StealSource,
  form: SaveCaseForm,
  masked: boolean,
  onSaved: () => void,
) {
  const transport = useQueryTransport();
  const { target, creating } = useCaseDataset(form);
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
    const dataset = await target({ picked, newName });
    if (dataset === null) return;
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
    busy: creating || fromSpan.isPending || fromInteraction.isPending,
  };
}
