import type { InteractionType } from '../../../../shared/contract';
import { INTERACTION_TYPES } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { INTERACTION_LABELS, isInteractionType } from './interaction-types';

export interface DatasetFieldValues {
  readonly name: string;
  readonly type: InteractionType;
  /** Comma-separated, as typed. */
  readonly tags: string;
  readonly description: string;
}

interface DatasetFieldsProps {
  /** Prefixes element ids and test ids: `new-dataset`, `edit-dataset`. */
  readonly idPrefix: string;
  readonly values: DatasetFieldValues;
  readonly onChange: (values: DatasetFieldValues) => void;
  /** Field messages from a VALIDATION_FAILED answer, by input field (`name`, `newName`, `tags`). */
  readonly nameError?: string | undefined;
  readonly tagsError?: string | undefined;
  /** The description is asked for only when editing: a new dataset starts without one. */
  readonly withDescription?: boolean;
}

/** The fields a dataset is made of, shared by the new-dataset and edit-dataset dialogs. */
export function DatasetFields({
  idPrefix,
  values,
  onChange,
  nameError,
  tagsError,
  withDescription = false,
}: DatasetFieldsProps) {
  const set = (patch: Partial<DatasetFieldValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${idPrefix}-name`}>Name</Label>
        <Input
          id={`${idPrefix}-name`}
          data-testid={`${idPrefix}-name`}
          className="font-mono text-[13px]"
          placeholder="support/faq"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={values.name}
          aria-invalid={nameError ? true : undefined}
          onChange={(e) => set({ name: e.target.value })}
        />
        <p className={nameError ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}>
          {nameError ?? 'Lowercase letters, digits, ".", "_", "-" and "/".'}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${idPrefix}-type`}>Interaction type</Label>
        <NativeSelect
          id={`${idPrefix}-type`}
          data-testid={`${idPrefix}-type`}
          value={values.type}
          onChange={(e) => isInteractionType(e.target.value) && set({ type: e.target.value })}
        >
          {INTERACTION_TYPES.map((value) => (
            <option key={value} value={value}>
              {INTERACTION_LABELS[value]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${idPrefix}-tags`}>Tags</Label>
        <Input
          id={`${idPrefix}-tags`}
          data-testid={`${idPrefix}-tags`}
          placeholder="support, refunds"
          value={values.tags}
          aria-invalid={tagsError ? true : undefined}
          onChange={(e) => set({ tags: e.target.value })}
        />
        {tagsError ? <p className="text-xs text-destructive">{tagsError}</p> : null}
      </div>
      {withDescription ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${idPrefix}-description`}>Description</Label>
          <Input
            id={`${idPrefix}-description`}
            data-testid={`${idPrefix}-description`}
            placeholder="What these cases check"
            value={values.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </div>
      ) : null}
    </>
  );
}
