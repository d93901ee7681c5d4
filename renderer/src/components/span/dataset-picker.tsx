import type { DatasetSummary } from '../../../../shared/contract';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '../ui/form';
import { Input } from '../ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from '../ui/select';
import { NEW_DATASET, type SaveCaseValues } from './save-case-form';

/**
 * Which dataset the case goes into (the form's `picked`): one that exists, or a new one named
 * in `newName`. Each shows its own error.
 */
export function DatasetPicker({
  datasets,
  creating,
}: {
  datasets: readonly DatasetSummary[] | null;
  creating: boolean;
}) {
  return (
    <div className="flex gap-2">
      <FormField<SaveCaseValues, 'picked'>
        name="picked"
        render={({ field: { value, onChange, ref, ...field } }) => (
          <FormItem className={creating ? 'w-48 shrink-0' : 'flex-1'}>
            <FormLabel>Dataset</FormLabel>
            <Select value={value} onValueChange={onChange}>
              <FormControl>
                <SelectTrigger ref={ref} data-testid="save-case-dataset" {...field}>
                  <SelectValue placeholder={datasets ? 'Pick a dataset' : 'Loading datasets…'} />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                {(datasets ?? []).map((d) => (
                  <SelectItem key={d.id} value={d.name} className="font-mono text-[13px]">
                    {d.name}
                  </SelectItem>
                ))}
                {datasets && datasets.length > 0 ? <SelectSeparator /> : null}
                <SelectItem value={NEW_DATASET} data-testid="save-case-dataset-new">
                  New dataset…
                </SelectItem>
              </SelectContent>
            </Select>
            <FormMessage />
          </FormItem>
        )}
      />
      {creating ? (
        <FormField<SaveCaseValues, 'newName'>
          name="newName"
          render={({ field }) => (
            <FormItem className="flex-1">
              <FormLabel>Name of the new dataset</FormLabel>
              <FormControl>
                <Input
                  data-testid="save-case-new-name"
                  className="font-mono text-[13px]"
                  placeholder="support/faq"
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                  {...field}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      ) : null}
    </div>
  );
}
