import { z } from 'zod';
import { datasetNameSchema } from '../../../../shared/contract';
import { caseFormSchema } from '../../pages/datasets/case-form';

/** The choice that makes a new dataset (a name no dataset can have: names start alphanumeric). */
export const NEW_DATASET = '+new';

// The key predates the span dialog; kept so the dataset last chosen is remembered across updates.
export const LAST_DATASET = 'assay.playground.lastDataset';

/**
 * The span's case as the dialog edits it: the case editor's fields, plus where it goes (a
 * dataset that exists, or a new one named with the contract's rule).
 */
export const saveCaseSchema = caseFormSchema
  .extend({
    /** An existing dataset's name, NEW_DATASET, or '' before one is picked. */
    picked: z.string(),
    newName: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.picked === '')
      ctx.addIssue({ code: 'custom', path: ['picked'], message: 'Pick a dataset' });
    if (values.picked !== NEW_DATASET) return;
    const name = datasetNameSchema.safeParse(values.newName);
    if (!name.success)
      ctx.addIssue({
        code: 'custom',
        path: ['newName'],
        message:
          values.newName.trim() === ''
            ? 'Name the new dataset'
            : (name.error.issues[0]?.message ?? 'invalid'),
      });
  });
export type SaveCaseValues = z.input<typeof saveCaseSchema>;

export function lastDataset(): string {
  try {
    return localStorage.getItem(LAST_DATASET) ?? '';
  } catch {
    return '';
  }
}

export function rememberDataset(name: string): void {
  try {
    localStorage.setItem(LAST_DATASET, name);
  } catch {
    // Storage disabled: the next dialog just does not preselect it.
  }
}
