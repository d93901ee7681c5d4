import { LoaderCircle, Plus, Search } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { TestCaseView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { CasesTable } from './cases-table';
import { DatasetHeader } from './dataset-header';
import { EditDatasetDialog } from './edit-dataset-dialog';
import { ExportButtons } from './export-buttons';
import { Pager } from './pager';
import { useCaseEdits } from './use-case-edits';
import { PAGE_SIZE, useCasePage } from './use-case-page';
import { useDatasetRemoval } from './use-dataset-removal';
import { useDatasetSummary } from './use-dataset-summary';

interface DatasetDetailProps {
  name: string;
  /** Cases were added or deleted: the list's counts are stale. */
  onCountChanged: () => void;
  /** Renamed or edited: the list is stale, and a renamed dataset lives at a new address. */
  onSaved: (name: string) => void;
  onDeleted: (name: string) => void;
  onRestored: (name: string) => void;
}

/** The selected dataset: its cases a page at a time, edited in place, and export. */
export function DatasetDetail({
  name,
  onCountChanged,
  onSaved,
  onDeleted,
  onRestored,
}: DatasetDetailProps) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const [freshId, setFreshId] = useState<string | null>(null);
  const [summaryKey, setSummaryKey] = useState(0);
  const { summary } = useDatasetSummary(name, summaryKey);
  const cases = useCasePage(name, offset, search);
  const { reload } = cases;
  const countChanged = useCallback(() => {
    reload();
    setSummaryKey((n) => n + 1);
    onCountChanged();
  }, [reload, onCountChanged]);
  const edits = useCaseEdits(name, { onUpdated: cases.replace, onCountChanged: countChanged });
  const [editing, setEditing] = useState(false);
  const removal = useDatasetRemoval({ onDeleted, onRestored });
  const total = cases.page?.total ?? 0;
  const turnPage = (next: number) => {
    setFreshId(null);
    setOffset(next);
  };

  const removeCase = async (testCase: TestCaseView) => {
    const lastOnPage = cases.page?.cases.length === 1 && offset > 0;
    if ((await edits.remove(testCase)) && lastOnPage) turnPage(offset - PAGE_SIZE);
  };
  const addCase = async () => {
    const added = await edits.add();
    if (!added) return;
    setSearch('');
    setFreshId(added.id);
    setOffset(Math.floor(total / PAGE_SIZE) * PAGE_SIZE);
  };

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="dataset-detail">
      <DatasetHeader
        name={name}
        summary={summary}
        onEdit={() => setEditing(true)}
        onDelete={() => void removal.remove(name)}
        deleting={removal.deleting}
      />
      {summary && editing ? (
        <EditDatasetDialog
          dataset={summary}
          open={editing}
          onOpenChange={setEditing}
          onSaved={(saved) => {
            setEditing(false);
            setSummaryKey((n) => n + 1);
            onSaved(saved);
          }}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-2 px-6 py-3">
        <div className="relative w-64">
          <Search className="pointer-events-none absolute top-2 left-2 size-3.5 text-muted-foreground" />
          <Input
            aria-label="Search cases"
            data-testid="cases-search"
            className="h-7 pl-7 text-xs"
            placeholder="Search vars, expected, description"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        <Button
          size="xs"
          data-testid="add-case"
          disabled={edits.adding}
          onClick={() => void addCase()}
        >
          {edits.adding ? <LoaderCircle className="animate-spin" /> : <Plus />}
          Add case
        </Button>
        <div className="ml-auto flex items-center gap-3">
          {cases.page ? (
            <Pager offset={offset} limit={PAGE_SIZE} total={total} onOffsetChange={turnPage} />
          ) : null}
          <ExportButtons dataset={name} sourceFormat={summary?.sourceFormat ?? null} />
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-6 pb-6">
        {cases.page ? (
          <CasesTable
            cases={cases.page.cases}
            freshId={freshId}
            deleting={edits.deleting}
            onSave={edits.update}
            onDelete={(testCase) => void removeCase(testCase)}
            emptyText={
              search.trim()
                ? 'No cases match the search.'
                : 'No cases yet: add one or import a file.'
            }
          />
        ) : cases.error ? (
          <p className="text-sm text-destructive">{cases.error.toString()}</p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Loading cases…
          </p>
        )}
      </div>
    </div>
  );
}
