import { Download, RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { RunView } from '../../../../../shared/contract';
import { ConfirmDialog } from '../../../components/ui/alert-dialog';
import { Button } from '../../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '../../../components/ui/dropdown-menu';
import { useChannelMutation } from '../../../query/channel-query';
import { useQueryTransport } from '../../../query/query-transport';
import { toClientError } from '../../../client';
import { downloadText } from '../../datasets/download';
import { evalHref, goTo } from '../eval-route';
import { NewRunDialog } from '../new-run-dialog';
import { formOfRun } from '../run-form';
import { allResults, runCsv, runJson } from './export-run';

/** A run's file name: its name, safe on every file system. */
const fileNameOf = (run: RunView) =>
  run.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || run.id;

/**
 * What can be done with a run from its header: run it again (same settings, or another prompt
 * version or model: the new-run dialog opens filled in from it), export its results, delete it.
 */
export function RunActions({ run }: { run: RunView }) {
  const transport = useQueryTransport();
  const [confirming, setConfirming] = useState(false);
  const [rerunning, setRerunning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const remove = useChannelMutation('evals.delete', {
    // Refused (a run still executing is a CONFLICT): said here, next to the button.
    meta: { form: true },
    onSuccess: () => {
      toast.success(`Deleted ${run.name}`);
      goTo(evalHref.list(run.dataset));
    },
    onError: (err) => setDeleteError(err.toString()),
  });

  const exportAs = async (format: 'json' | 'csv') => {
    setExporting(true);
    try {
      const results = await allResults(transport, run.id);
      const content = format === 'json' ? runJson(run, results) : runCsv(results);
      downloadText(fileNameOf(run), format, content);
    } catch (err) {
      toast.error(toClientError(err).toString());
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1.5">
        <Button
          variant="outline"
          size="sm"
          data-testid="run-rerun"
          onClick={() => setRerunning(true)}
        >
          <RotateCcw />
          Re-run
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" data-testid="run-export" disabled={exporting}>
              <Download />
              Export
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem data-testid="run-export-json" onSelect={() => void exportAs('json')}>
              Results as JSON
            </DropdownMenuItem>
            <DropdownMenuItem data-testid="run-export-csv" onSelect={() => void exportAs('csv')}>
              Results as CSV
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <Button
          variant="outline"
          size="sm"
          data-testid="run-delete"
          disabled={remove.isPending}
          onClick={() => {
            setDeleteError(null);
            setConfirming(true);
          }}
        >
          <Trash2 />
          Delete
        </Button>
      </div>
      {deleteError ? (
        <p
          className="max-w-md text-right text-xs text-destructive"
          role="alert"
          data-testid="run-delete-error"
        >
          {deleteError}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this run?"
        description={`${run.name}: its ${run.totals.results} results and case snapshots are deleted; the traces of its calls stay.`}
        action="Delete run"
        onConfirm={() => remove.mutate({ runId: run.id })}
      />
      <NewRunDialog
        open={rerunning}
        onOpenChange={setRerunning}
        dataset={run.dataset}
        initial={formOfRun(run)}
        onStarted={() => setRerunning(false)}
      />
    </div>
  );
}
