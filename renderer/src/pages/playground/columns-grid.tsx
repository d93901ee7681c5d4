import type { ReactNode } from 'react';
import type { PromptConfig } from '../../../../shared/contract';
import { LiveColumn } from './live-column';
import type { ColumnActions } from './model-column';
import type { OutputStore } from './output-store';
import type { ModelCatalog } from './use-model-catalog';
import type { ColumnConfig } from './types';

const NO_SUGGESTIONS: readonly never[] = [];

/**
 * The columns side by side in one row that scrolls sideways: each column is at least 20rem
 * (a readable line of output), and shares the room when there is more. Three fit at 1440 px
 * beside the app's sidebar; a fourth and beyond are reached by scrolling, never squeezed.
 */
export function ColumnsLayout({ children }: { children: ReactNode }) {
  return (
    <div
      className="-mx-1 min-w-0 overflow-x-auto px-1 pb-2"
      data-testid="playground-columns"
      tabIndex={0}
      aria-label="Model columns"
    >
      <div className="grid auto-cols-[minmax(20rem,1fr)] grid-flow-col items-stretch gap-3">
        {children}
      </div>
    </div>
  );
}

interface ColumnsGridProps {
  columns: readonly ColumnConfig[];
  store: OutputStore;
  catalog: ModelCatalog;
  config: PromptConfig | undefined;
  locked: boolean;
  actions: ColumnActions;
}

export function ColumnsGrid({
  columns,
  store,
  catalog,
  config,
  locked,
  actions,
}: ColumnsGridProps) {
  return (
    <ColumnsLayout>
      {columns.map((column, index) => (
        <LiveColumn
          key={column.id}
          store={store}
          index={index}
          column={column}
          config={config}
          locked={locked}
          canRemove={columns.length > 1}
          suggestions={catalog[column.provider] ?? NO_SUGGESTIONS}
          actions={actions}
        />
      ))}
    </ColumnsLayout>
  );
}
