import { Database, FileUp, Plus } from 'lucide-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Button } from '../../components/ui/button';
import { DatasetDetail } from './dataset-detail';
import { DatasetListPane } from './dataset-list-pane';
import { openDataset, selectedDatasetOf } from './dataset-route';
import { ImportDialog } from './import-dialog';
import { NewDatasetDialog } from './new-dataset-dialog';
import { useDatasetList } from './use-dataset-list';

function EmptyDetail({ onNew, onImport }: { onNew: () => void; onImport: () => void }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 px-8 text-center">
      <Database className="size-8 text-muted-foreground/60" />
      <p className="max-w-sm text-sm text-muted-foreground">
        Datasets hold test cases: inputs, expected outputs and matchers. Select one, create one, or
        import a YAML, CSV, JSONL or promptfoo file.
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="outline" onClick={onImport}>
          <FileUp />
          Import
        </Button>
        <Button size="sm" onClick={onNew}>
          <Plus />
          New dataset
        </Button>
      </div>
    </div>
  );
}

/** Datasets: the list on the left, the selected dataset's cases on the right (`#/datasets/<name>`). */
export function DatasetsPage() {
  const [location] = useLocation();
  const selected = selectedDatasetOf(location);
  const [search, setSearch] = useState('');
  const list = useDatasetList(search);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  // Bumped by an import, so the open dataset shows cases appended to it.
  const [imports, setImports] = useState(0);

  return (
    <div className="flex h-full min-h-0" data-testid="page-datasets">
      <DatasetListPane
        datasets={list.datasets}
        error={list.error}
        search={search}
        onSearchChange={setSearch}
        selected={selected}
        onSelect={openDataset}
        onNew={() => setCreating(true)}
        onImport={() => setImporting(true)}
      />
      <div className="min-w-0 flex-1">
        {selected ? (
          <DatasetDetail
            key={`${selected}:${imports}`}
            name={selected}
            onCountChanged={list.reload}
            onSaved={(name) => {
              list.reload();
              if (name !== selected) openDataset(name);
            }}
            onDeleted={() => {
              list.reload();
              openDataset(null);
            }}
            onRestored={(name) => {
              list.reload();
              openDataset(name);
            }}
          />
        ) : (
          <EmptyDetail onNew={() => setCreating(true)} onImport={() => setImporting(true)} />
        )}
      </div>
      <NewDatasetDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(name) => {
          setCreating(false);
          list.reload();
          openDataset(name);
        }}
      />
      <ImportDialog
        open={importing}
        onOpenChange={setImporting}
        onImported={(name) => {
          list.reload();
          setImports((n) => n + 1);
          if (name !== selected) openDataset(name);
        }}
      />
    </div>
  );
}
