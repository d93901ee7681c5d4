import { FileUp, LoaderCircle, Plus, Search } from 'lucide-react';
import type { DatasetSummary } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { DatasetListItem } from './dataset-list-item';
import { WriteGuard } from '../../auth/write-guard';

interface DatasetListPaneProps {
  datasets: DatasetSummary[] | null;
  error: ClientError | null;
  search: string;
  onSearchChange: (text: string) => void;
  selected: string | null;
  onSelect: (name: string) => void;
  onNew: () => void;
  onImport: () => void;
}

function ListState({
  datasets,
  error,
  search,
}: Pick<DatasetListPaneProps, 'datasets' | 'error' | 'search'>) {
  if (error && !datasets)
    return <li className="px-3 py-4 text-xs text-destructive">{error.toString()}</li>;
  if (!datasets)
    return (
      <li className="flex items-center gap-2 px-3 py-4 text-xs text-muted-foreground">
        <LoaderCircle className="size-3.5 animate-spin" />
        Loading datasets…
      </li>
    );
  return (
    <li className="px-3 py-4 text-xs text-muted-foreground" data-testid="dataset-list-empty">
      {search.trim() ? 'No datasets match the search.' : 'No datasets yet: create or import one.'}
    </li>
  );
}

/** The left pane: search, New and Import, and every live dataset. */
export function DatasetListPane(props: DatasetListPaneProps) {
  const shown = props.datasets?.filter((d) => d.deletedAt === null) ?? [];
  return (
    <aside className="flex h-full w-72 shrink-0 flex-col border-r bg-card/40">
      <div className="flex h-12 shrink-0 items-center justify-between gap-2 px-3">
        <div className="flex items-baseline gap-2">
          <h1 className="text-sm font-semibold tracking-tight">Datasets</h1>
          {props.datasets ? (
            <span className="text-xs text-muted-foreground" data-testid="dataset-count">
              {shown.length}
            </span>
          ) : null}
        </div>
        <div className="flex gap-1">
          <WriteGuard what="datasets">
            {(blocked) => (
              <Button
                size="xs"
                variant="outline"
                data-testid="import-dataset"
                disabled={blocked}
                onClick={props.onImport}
              >
                <FileUp />
                Import
              </Button>
            )}
          </WriteGuard>
          <WriteGuard what="datasets">
            {(blocked) => (
              <Button size="xs" data-testid="new-dataset" disabled={blocked} onClick={props.onNew}>
                <Plus />
                New
              </Button>
            )}
          </WriteGuard>
        </div>
      </div>
      <div className="relative px-3 pb-2">
        <Search className="pointer-events-none absolute top-2 left-5 size-3.5 text-muted-foreground" />
        <Input
          aria-label="Search datasets"
          data-testid="dataset-search"
          className="h-7 pl-7 text-xs"
          placeholder="Search datasets"
          value={props.search}
          onChange={(e) => props.onSearchChange(e.target.value)}
        />
      </div>
      <ul className="flex flex-1 flex-col gap-px overflow-y-auto p-1.5" data-testid="dataset-list">
        {shown.map((dataset) => (
          <DatasetListItem
            key={dataset.id}
            dataset={dataset}
            selected={dataset.name === props.selected}
            onSelect={() => props.onSelect(dataset.name)}
          />
        ))}
        {shown.length === 0 ? (
          <ListState datasets={props.datasets} error={props.error} search={props.search} />
        ) : null}
      </ul>
    </aside>
  );
}
