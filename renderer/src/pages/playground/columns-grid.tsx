import type { ReactNode } from 'react';
import { LiveColumn } from './live-column';
import type { ColumnActions } from './model-column';
import type { OutputStore } from './output-store';
import type { ModelCatalog } from './use-model-catalog';
import type { ColumnConfig } from './types';

const NO_SUGGESTIONS: readonly never[] = [];

/** Two or three columns a row depending on the room the pane has (a container query). */
export function ColumnsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="@container">
      <div className="grid grid-cols-1 items-stretch gap-3 @xl:grid-cols-2 @5xl:grid-cols-3">
        {children}
      </div>
    </div>
  );
}

interface ColumnsGridProps {
  columns: readonly ColumnConfig[];
  store: OutputStore;
  catalog: ModelCatalog;
  locked: boolean;
  actions: ColumnActions;
}

export function ColumnsGrid({ columns, store, catalog, locked, actions }: ColumnsGridProps) {
  return (
    <ColumnsLayout>
      {columns.map((column, index) => (
        <LiveColumn
          key={column.id}
          store={store}
          index={index}
          column={column}
          locked={locked}
          canRemove={columns.length > 1}
          suggestions={catalog[column.provider] ?? NO_SUGGESTIONS}
          actions={actions}
        />
      ))}
    </ColumnsLayout>
  );
}
