import type { DatasetSummary } from '../../../../shared/contract';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from '../ui/select';

/** The choice that makes a new dataset (a name no dataset can have: names start alphanumeric). */
export const NEW_DATASET = '+new';

export interface DatasetChoice {
  /** An existing dataset's name, NEW_DATASET, or '' before one is picked. */
  readonly picked: string;
  /** The name of the dataset to create, when NEW_DATASET is picked. */
  readonly newName: string;
}

interface DatasetPickerProps {
  datasets: readonly DatasetSummary[] | null;
  value: DatasetChoice;
  onChange: (value: DatasetChoice) => void;
  error?: string;
}

/** Which dataset the case goes into: one that exists, or a new one by name. */
export function DatasetPicker({ datasets, value, onChange, error }: DatasetPickerProps) {
  const creating = value.picked === NEW_DATASET;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="save-case-dataset">Dataset</Label>
      <div className="flex gap-2">
        <Select value={value.picked} onValueChange={(picked) => onChange({ ...value, picked })}>
          <SelectTrigger
            id="save-case-dataset"
            data-testid="save-case-dataset"
            className={creating ? 'w-48 shrink-0' : ''}
            aria-invalid={error && !creating ? true : undefined}
          >
            <SelectValue placeholder={datasets ? 'Pick a dataset' : 'Loading datasets…'} />
          </SelectTrigger>
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
        {creating ? (
          <Input
            aria-label="Name of the new dataset"
            data-testid="save-case-new-name"
            className="font-mono text-[13px]"
            placeholder="support/faq"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-invalid={error ? true : undefined}
            value={value.newName}
            onChange={(e) => onChange({ ...value, newName: e.target.value })}
          />
        ) : null}
      </div>
      {error ? (
        <p className="text-xs text-destructive" data-testid="save-case-dataset-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
