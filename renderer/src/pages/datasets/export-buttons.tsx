import { Download, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { DatasetFormat, ImportFormat } from '../../../../shared/contract';
import { DATASET_FORMATS } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { useChannelMutation } from '../../query/channel-query';
import { downloadText } from './download';

const LABELS: Record<DatasetFormat, string> = {
  yaml: 'YAML',
  csv: 'CSV',
  jsonl: 'JSONL',
  'assay-py': 'assay-py',
};

/** assay-py files are YAML files. */
const extensionOf = (format: DatasetFormat): string => (format === 'assay-py' ? 'yaml' : format);

/**
 * Downloads the dataset as YAML, CSV, JSONL or assay-py (what import reads back). The dataset's
 * own shape comes first and stands out: assay-py for a dataset imported from it, else YAML.
 */
export function ExportButtons({
  dataset,
  sourceFormat,
}: {
  dataset: string;
  sourceFormat: ImportFormat | null;
}) {
  // Reads only: nothing to refresh afterwards. A failure toasts.
  const exporter = useChannelMutation('datasets.export', { invalidates: [] });
  const [busy, setBusy] = useState<DatasetFormat | null>(null);
  const own: DatasetFormat = sourceFormat === 'assay-py' ? 'assay-py' : 'yaml';
  const formats = [own, ...DATASET_FORMATS.filter((f) => f !== own)];

  const run = async (format: DatasetFormat) => {
    setBusy(format);
    try {
      const { content, cases, warnings } = await exporter.mutateAsync({
        name: dataset,
        format,
      });
      downloadText(dataset.replaceAll('/', '_'), extensionOf(format), content);
      toast.success(`Exported ${cases} ${cases === 1 ? 'case' : 'cases'} as ${LABELS[format]}`);
      for (const w of warnings) toast.warning(w.message);
    } catch {
      // Already toasted.
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex items-center gap-1" role="group" aria-label="Export">
      {formats.map((format) => (
        <Button
          key={format}
          variant={format === own ? 'default' : 'outline'}
          size="xs"
          data-testid={`export-${format}`}
          disabled={busy !== null}
          onClick={() => void run(format)}
        >
          {busy === format ? <LoaderCircle className="animate-spin" /> : <Download />}
          {LABELS[format]}
        </Button>
      ))}
    </div>
  );
}
