import { Plus, X } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { GraderView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/form';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelQuery } from '../../query/channel-query';
import { NumberInput } from '../graders/number-input';
import type { ScorecardFormValues } from './scorecard-form';

type V = ScorecardFormValues;

/** A grader's versions for the pin select: "Latest" (no pin) and each version, newest first. */
function PinSelect({ index, graderId }: { index: number; graderId: string }) {
  const got = useChannelQuery('graders.get', graderId ? { id: graderId } : null, { retry: false });
  const versions = [...(got.data?.versions ?? [])].reverse();
  return (
    <Field<V, `body.items.${number}.graderVersion`>
      name={`body.items.${index}.graderVersion`}
      label="Version"
      render={({ value, onChange, ...field }) => (
        <OptionSelect
          {...field}
          value={value === undefined ? '' : String(value)}
          onValueChange={(v) => onChange(v === '' ? undefined : Number(v))}
          data-testid={`item-${index}-version`}
          options={[
            { value: '', label: 'Latest' },
            ...versions.map((v) => ({ value: String(v.version), label: `Pinned: v${v.version}` })),
          ]}
        />
      )}
    />
  );
}

function ItemRow({
  index,
  graders,
  onRemove,
}: {
  index: number;
  graders: readonly GraderView[];
  onRemove: (() => void) | null;
}) {
  const { control, setValue } = useFormContext<V>();
  const graderId = useWatch({ control, name: `body.items.${index}.graderId` });
  return (
    <div
      className="grid grid-cols-[2fr_9rem_6rem_auto] items-start gap-2"
      data-testid={`item-${index}`}
    >
      <Field<V, `body.items.${number}.graderId`>
        name={`body.items.${index}.graderId`}
        label="Grader"
        render={({ value, onChange, ...field }) => (
          <OptionSelect
            {...field}
            value={value}
            placeholder="Pick a grader"
            onValueChange={(next) => {
              onChange(next);
              // A pin names a version of the grader picked before.
              setValue(`body.items.${index}.graderVersion`, undefined);
            }}
            data-testid={`item-${index}-grader`}
            options={graders.map((g) => ({
              value: g.id,
              label: g.name,
              testId: `item-${index}-grader-${g.name}`,
            }))}
          />
        )}
      />
      <PinSelect index={index} graderId={graderId} />
      <Field<V, `body.items.${number}.weight`>
        name={`body.items.${index}.weight`}
        label="Weight"
        render={({ value, onChange, ...field }) => (
          <NumberInput
            {...field}
            value={value}
            onChange={onChange}
            data-testid={`item-${index}-weight`}
          />
        )}
      />
      <Button
        type="button"
        size="icon"
        variant="ghost"
        className="mt-6"
        aria-label={`Remove item ${index + 1}`}
        disabled={onRemove === null}
        onClick={() => onRemove?.()}
      >
        <X />
      </Button>
    </div>
  );
}

/** A scorecard's graders: which, pinned to a version or following the latest, and weight. */
export function ScorecardItemFields() {
  const { control } = useFormContext<V>();
  const { fields, append, remove } = useFieldArray({ control, name: 'body.items' });
  const list = useChannelQuery('graders.list', { includeArchived: false });
  const graders = list.data?.graders ?? [];
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-md border p-3"
      data-testid="scorecard-items-fields"
    >
      <legend className="px-1 text-xs font-medium">Graders</legend>
      {fields.map((f, i) => (
        <ItemRow
          key={f.id}
          index={i}
          graders={graders}
          onRemove={fields.length > 1 ? () => remove(i) : null}
        />
      ))}
      <Button
        type="button"
        size="xs"
        variant="ghost"
        className="w-fit"
        data-testid="add-item"
        onClick={() => append({ graderId: '', weight: 1 })}
      >
        <Plus />
        Add grader
      </Button>
    </fieldset>
  );
}
