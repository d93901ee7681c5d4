import { normalizeLabelText } from './label';
import type { OutputStrategy } from './types';

/** Classification replies are reduced to the label (first line, quotes and punctuation stripped). */
export const classificationStrategy: OutputStrategy<'classification'> = {
  type: 'classification',
  description: 'The label: first line, trimmed, quotes and punctuation stripped from the ends.',
  prepare(output) {
    const label = normalizeLabelText(output);
    return label === output
      ? { text: label }
      : { text: label, note: `label read as ${JSON.stringify(label)}` };
  },
};
