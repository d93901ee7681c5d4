import { LoaderCircle, Plus, Search } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { TestCaseView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { CaseEditor } from './case-editor';
import { CasesTable } from './cases-table';
import { casePageInput, PAGE_SIZE, useCasePage, useDatasetSummary } from './dataset-queries';
import { DatasetHeader } from './dataset-header';
import { openDataset, type DatasetView } from './dataset-route';
import { EditDatasetDialog } from './edit-dataset-dialog';
import { ExportButtons } from './export-buttons';
import { Pager } from './pager';
import { useCaseEdits } from './use-case-edits';
import { useDatasetRemoval } from './use-dataset-removal';
import { useDebouncedValue } from '../../lib/use-debounced-value';

const SEARCH_DELAY_MS = 200;

/** The case open in the editor: one that exists, or a new one. */
type Editing = { testCase: TestCaseView | null } | null;

/**
 * The selected dataset: its cases a page at a time, edited in place or in the case editor, and
 * export. The page and the search live in the address (`?page=2&q=refund`).
 */
export function DatasetDetail({ view }: { view: DatasetView & { name: string } }) {
  const { name, page, search } = view;
  const { summary } = useDatasetSummary(name);
  // The address follows every key; the core is asked once the typing pauses.
  const settledSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const input = useMemo(
    () => casePageInput(name, page, settledSearch),
    [name, page, settledSearch],
  );
  const cases = useCasePage(input);
  const edits = useCaseEdits(input);
  const removal = useDatasetRemoval();
  const [editingDataset, setEditingDataset] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const total = cases.page?.total ?? 0;
  const goTo = (next: { page?: number; search?: string }, replace = false) =>
    openDataset(name, { page: next.page ?? page, search: next.search ?? search, replace });

  const removeCase = (testCase: TestCaseView) => {
    // The last case of a later page: step back, so the page is not left empty.
    if (cases.page?.cases.length === 1 && page > 1) goTo({ page: page - 1 });
    edits.remove(testCase);
  };
  const added = (testCase: TestCaseView) => {
    setEditing(null);
    // Show the new case (positions count from 0): its page, without a search that might hide it.
    openDataset(name, { page: Math.floor(testCase.position / PAGE_SIZE) + 1 });
  };

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="dataset-detail">
      <DatasetHeader
        name={name}
        summary={summary}
        onEdit={() => setEditingDataset(true)}
        onDelete={() => removal.remove(name)}
        deleting={removal.deleting}
      />
      {summary && editingDataset ? (
        <EditDatasetDialog
          dataset={summary}
          onClose={() => setEditingDataset(false)}
          onSaved={(saved) => {
            setEditingDataset(false);
            if (saved !== name) openDataset(saved);
          }}
        />
      ) : null}
      {editing ? (
        <CaseEditor
          dataset={name}
          testCase={editing.testCase}
          onClose={() => setEditing(null)}
          onSaved={editing.testCase ? () => setEditing(null) : added}
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
            onChange={(e) => goTo({ search: e.target.value, page: 1 }, true)}
          />
        </div>
        <Button size="xs" data-testid="add-case" onClick={() => setEditing({ testCase: null })}>
          <Plus />
          Add case
        </Button>
        <div className="ml-auto flex items-center gap-3">
          {cases.page ? (
            <Pager
              offset={input.offset ?? 0}
              limit={PAGE_SIZE}
              total={total}
              onOffsetChange={(offset) => goTo({ page: Math.floor(offset / PAGE_SIZE) + 1 })}
            />
          ) : null}
          <ExportButtons dataset={name} sourceFormat={summary?.sourceFormat ?? null} />
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-6 pb-6">
        {cases.page ? (
          <CasesTable
            cases={cases.page.cases}
            onSave={edits.update}
            onOpen={(testCase) => setEditing({ testCase })}
            onDelete={removeCase}
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
