import type { ImportFormat } from '../../../../shared/contract';
import { IMPORT_FORMATS } from '../../../../shared/contract';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  yaml: 'YAML',
  csv: 'CSV',
  jsonl: 'JSONL',
  promptfoo: 'promptfoo config',
};

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The format a file name suggests: by extension, and promptfoo for YAML files named like its
 * configs (`promptfooconfig.yaml`). Null when the extension says nothing.
 */
export function guessFormat(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (/\.(ya?ml)$/.test(lower)) return lower.includes('promptfoo') ? 'promptfoo' : 'yaml';
  if (lower.endsWith('.csv')) return 'csv';
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl';
  return null;
}
