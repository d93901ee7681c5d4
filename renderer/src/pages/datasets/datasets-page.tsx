import { Database, FileUp, Plus } from 'lucide-react';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Button } from '../../components/ui/button';
import { DatasetDetail } from './dataset-detail';
import { DatasetListPane } from './dataset-list-pane';
import { useDatasetList } from './dataset-queries';
import { datasetViewOf, openDataset } from './dataset-route';
import { ImportDialog } from './import-dialog';
import { NewDatasetDialog } from './new-dataset-dialog';

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

/**
 * Datasets: the list on the left, the selected dataset's cases on the right
 * (`#/datasets/<name>?page=…&q=…`: reload and Back keep the dataset, page and search).
 */
export function DatasetsPage() {
  const [location] = useLocation();
  const view = datasetViewOf(location, useSearch());
  const [search, setSearch] = useState('');
  const list = useDatasetList(search);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  return (
    <div className="flex h-full min-h-0" data-testid="page-datasets">
      <DatasetListPane
        datasets={list.datasets}
        error={list.error}
        search={search}
        onSearchChange={setSearch}
        selected={view.name}
        onSelect={(name) => openDataset(name)}
        onNew={() => setCreating(true)}
        onImport={() => setImporting(true)}
      />
      <div className="min-w-0 flex-1">
        {view.name !== null ? (
          <DatasetDetail key={view.name} view={{ ...view, name: view.name }} />
        ) : (
          <EmptyDetail onNew={() => setCreating(true)} onImport={() => setImporting(true)} />
        )}
      </div>
      {creating ? <NewDatasetDialog onClose={() => setCreating(false)} /> : null}
      <ImportDialog
        open={importing}
        onOpenChange={setImporting}
        onImported={(name) => {
          if (name !== view.name) openDataset(name);
        }}
      />
    </div>
  );
}
