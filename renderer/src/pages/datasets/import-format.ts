import type { ImportFormat } from '../../../../shared/contract';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  yaml: 'YAML',
  csv: 'CSV',
  jsonl: 'JSONL',
  promptfoo: 'promptfoo config',
  'assay-py': 'assay-py (Python version YAML)',
};

/**
 * The format a file name suggests: by extension, and promptfoo for YAML files named like its
 * configs (`promptfooconfig.yaml`). Null when the extension says nothing. An assay-py file is
 * imported as YAML: the server tells the two YAML shapes apart by their content.
 */
export function guessFormat(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (/\.(ya?ml)$/.test(lower)) return lower.includes('promptfoo') ? 'promptfoo' : 'yaml';
  if (lower.endsWith('.csv')) return 'csv';
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl';
  return null;
}
