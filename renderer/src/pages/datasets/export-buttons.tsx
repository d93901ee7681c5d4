import { Download, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { DatasetFormat } from '../../../../shared/contract';
import { DATASET_FORMATS } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { Button } from '../../components/ui/button';
import { downloadText } from './download';

/** Downloads the dataset as YAML, CSV or JSONL (what import reads back). */
export function ExportButtons({ dataset }: { dataset: string }) {
  const client = useClient();
  const [busy, setBusy] = useState<DatasetFormat | null>(null);

  const run = async (format: DatasetFormat) => {
    setBusy(format);
    try {
      const { content, cases } = await client.invoke('datasets.export', { name: dataset, format });
      downloadText(dataset.replaceAll('/', '_'), format, content);
      toast.success(
        `Exported ${cases} ${cases === 1 ? 'case' : 'cases'} as ${format.toUpperCase()}`,
      );
    } catch {
      // Already toasted.
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex items-center gap-1" role="group" aria-label="Export">
      {DATASET_FORMATS.map((format) => (
        <Button
          key={format}
          variant="outline"
          size="xs"
          data-testid={`export-${format}`}
          disabled={busy !== null}
          onClick={() => void run(format)}
        >
          {busy === format ? <LoaderCircle className="animate-spin" /> : <Download />}
          {format.toUpperCase()}
        </Button>
      ))}
    </div>
  );
}
