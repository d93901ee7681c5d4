import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect, type SelectOption } from '../../components/ui/option-select';
import type { NewQueueValues } from './new-queue-form';

const OPS = [
  { value: 'lte', label: 'at or below' },
  { value: 'lt', label: 'below' },
  { value: 'eq', label: 'equal to' },
  { value: 'gte', label: 'at or above' },
  { value: 'gt', label: 'above' },
] as const;

const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** The score rule's or the filter's fields of the New queue form, as its fill kind says. */
export function FillFields({
  kind,
  graderOptions,
}: {
  kind: NewQueueValues['fill']['kind'];
  graderOptions: readonly SelectOption<string>[];
}) {
  if (kind === 'rule')
    return (
      <div className="grid grid-cols-[1fr_9rem_6rem] items-start gap-2">
        <Field<NewQueueValues, 'fill.rule.graderId'>
          name="fill.rule.graderId"
          label="Latest score from"
          render={({ onChange, ...field }) => (
            <OptionSelect
              {...field}
              value={field.value ?? ''}
              onValueChange={onChange}
              options={graderOptions}
              placeholder="Pick a grader"
              data-testid="rule-grader"
            />
          )}
        />
        <Field<NewQueueValues, 'fill.rule.op'>
          name="fill.rule.op"
          label="is"
          render={({ onChange, ...field }) => (
            <OptionSelect
              {...field}
              value={field.value ?? 'lte'}
              onValueChange={onChange}
              options={OPS}
              data-testid="rule-op"
            />
          )}
        />
        <Field<NewQueueValues, 'fill.rule.value'>
          name="fill.rule.value"
          label="value"
          render={(field) => (
            <Input
              type="number"
              step="any"
              data-testid="rule-value"
              value={typeof field.value === 'number' ? String(field.value) : ''}
              onBlur={field.onBlur}
              onChange={(e) =>
                field.onChange(e.target.value === '' ? undefined : Number(e.target.value))
              }
            />
          )}
        />
      </div>
    );
  if (kind === 'filter')
    return (
      <div className="grid grid-cols-2 gap-2">
        <Field<NewQueueValues, 'fill.filter.type'>
          name="fill.filter.type"
          label="Type"
          render={(field) => (
            <Input
              data-testid="filter-type"
              value={field.value ?? ''}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(blankToUndefined(e.target.value))}
            />
          )}
        />
        <Field<NewQueueValues, 'fill.filter.tags'>
          name="fill.filter.tags"
          label="Tags"
          hint="Comma-separated; every one must be present."
          render={(field) => (
            <Input
              data-testid="filter-tags"
              defaultValue={(field.value ?? []).join(', ')}
              onBlur={field.onBlur}
              onChange={(e) => {
                const tags = e.target.value
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean);
                field.onChange(tags.length > 0 ? tags : undefined);
              }}
            />
          )}
        />
      </div>
    );
  return null;
}
