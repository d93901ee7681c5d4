import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { fieldProblemsOf } from '../../lib/field-errors';
import { parseExpected, parseMatchers, parseVars } from '../../pages/datasets/case-fields';
import { NEW_DATASET, type DatasetChoice } from './dataset-picker';

// The key predates the span dialog; kept so the dataset last chosen is remembered across updates.
export const LAST_DATASET = 'assay.playground.lastDataset';

/** The edit step's fields, as typed. */
export interface CaseDraftText {
  readonly dataset: DatasetChoice;
  readonly vars: string;
  readonly expected: string;
  readonly matchers: string;
  readonly description: string;
}

export type CaseField = 'dataset' | 'vars' | 'expected' | 'matchers' | 'description';
type FieldErrors = Partial<Record<CaseField, string>>;

const FIELDS: readonly CaseField[] = ['dataset', 'vars', 'expected', 'matchers', 'description'];

function remember(name: string): void {
  try {
    localStorage.setItem(LAST_DATASET, name);
  } catch {
    // Storage disabled: the next dialog just does not preselect it.
  }
}

/**
 * Saves an edited span draft as a case (cases.fromSpan), creating the dataset first when a new
 * one was named. What the fields cannot hold is caught here; what the core refuses comes back
 * as a coded error whose path names the field, shown next to it.
 */
export function useSaveCase(spanId: string, onSaved: (dataset: string) => void) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);

  /** Parses the fields; a field that does not parse is marked, and nothing is sent. */
  const inputOf = (text: CaseDraftText, dataset: string) => {
    const vars = parseVars(text.vars);
    const expected = parseExpected(text.expected);
    const matchers = parseMatchers(text.matchers);
    const found: FieldErrors = {};
    if (!vars.ok) found.vars = vars.error;
    if (!matchers.ok) found.matchers = matchers.error;
    if (!vars.ok || !matchers.ok || !expected.ok) return { errors: found };
    const input: ChannelInput<'cases.fromSpan'> = {
      spanId,
      dataset,
      vars: vars.value,
      // null: no expected output (the field was cleared).
      expected: expected.value as ChannelInput<'cases.fromSpan'>['expected'],
      matchers: matchers.value,
      tags: [],
      description: text.description.trim(),
    };
    return { input };
  };

  /**
   * Resolves to the name of a dataset made on the way when the case was then refused (so a
   * retry adds to it rather than making it again); else null.
   */
  const save = async (text: CaseDraftText): Promise<string | null> => {
    setError(null);
    setErrors({});
    const creating = text.dataset.picked === NEW_DATASET;
    const name = creating ? text.dataset.newName.trim() : text.dataset.picked;
    if (name === '') {
      setErrors({ dataset: creating ? 'Name the new dataset' : 'Pick a dataset' });
      return null;
    }
    const parsed = inputOf(text, name);
    if (!parsed.input) {
      setErrors(parsed.errors);
      return null;
    }
    setBusy(true);
    let created: string | null = null;
    try {
      if (creating) {
        await client.invoke('datasets.create', { name });
        created = name;
      }
      const added = await client.invoke('cases.fromSpan', parsed.input);
      remember(name);
      toast.success(`Added as case #${added.position} of ${name}`);
      onSaved(name);
      created = null;
    } catch (err) {
      const clientError = toClientError(err);
      const fields = fieldProblemsOf(clientError);
      // datasets.create names its field `name`: that is the dataset field here.
      const byField: FieldErrors = { ...(fields.name ? { dataset: fields.name } : {}) };
      for (const field of FIELDS) if (fields[field]) byField[field] = fields[field];
      setErrors(byField);
      // Whatever no field shows is said under the form (the toast said it too).
      if (Object.keys(byField).length === 0) setError(clientError.toString());
    } finally {
      setBusy(false);
    }
    return created;
  };

  return { save, busy, errors, error };
}
