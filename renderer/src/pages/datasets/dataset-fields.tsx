import { z } from 'zod';
import {
  datasetNameSchema,
  INTERACTION_TYPES,
  interactionTypeSchema,
} from '../../../../shared/contract';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { tagsTextSchema } from './case-form';
import { INTERACTION_LABELS } from './interaction-types';

const TYPE_OPTIONS = INTERACTION_TYPES.map((type) => ({
  value: type,
  label: INTERACTION_LABELS[type],
}));

/**
 * A dataset as its dialogs edit it: the contract's name, type and description rules, tags
 * typed comma-separated.
 */
export const datasetFormSchema = z.object({
  name: datasetNameSchema,
  interactionType: interactionTypeSchema,
  description: z.string().max(2000),
  tags: tagsTextSchema,
});
export type DatasetFormValues = z.input<typeof datasetFormSchema>;

interface DatasetFieldsProps {
  /** Prefixes test ids: `new-dataset`, `edit-dataset`. */
  readonly idPrefix: string;
  /** The description is asked for only when editing: a new dataset starts without one. */
  readonly withDescription?: boolean;
}

/** The fields a dataset is made of, shared by the new-dataset and edit-dataset dialogs. */
export function DatasetFields({ idPrefix, withDescription = false }: DatasetFieldsProps) {
  return (
    <>
      <Field<DatasetFormValues, 'name'>
        name="name"
        label="Name"
        hint='Lowercase letters, digits, ".", "_", "-" and "/".'
        render={(field) => (
          <Input
            data-testid={`${idPrefix}-name`}
            className="font-mono text-[13px]"
            placeholder="support/faq"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            {...field}
          />
        )}
      />
      <Field<DatasetFormValues, 'interactionType'>
        name="interactionType"
        label="Interaction type"
        render={({ value, onChange, ...field }) => (
          <OptionSelect
            value={value}
            onValueChange={onChange}
            options={TYPE_OPTIONS}
            data-testid={`${idPrefix}-type`}
            {...field}
          />
        )}
      />
      <Field<DatasetFormValues, 'tags'>
        name="tags"
        label="Tags"
        render={(field) => (
          <Input data-testid={`${idPrefix}-tags`} placeholder="support, refunds" {...field} />
        )}
      />
      {withDescription ? (
        <Field<DatasetFormValues, 'description'>
          name="description"
          label="Description"
          render={(field) => (
            <Input
              data-testid={`${idPrefix}-description`}
              placeholder="What these cases check"
              {...field}
            />
          )}
        />
      ) : null}
    </>
  );
}
