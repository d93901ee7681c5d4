import { Children, type ReactNode } from 'react';
import { cn } from '../../lib/utils';
import type { PromptConfig } from '../../../../shared/contract';
import { LiveColumn } from './live-column';
import type { ColumnActions } from './model-column';
import type { OutputStore } from './output-store';
import type { ModelCatalog } from './use-model-catalog';
import type { ColumnConfig } from './types';

const NO_SUGGESTIONS: readonly never[] = [];

/** Columns shown at once: three fit at 1440 px beside the app's sidebar. */
const VISIBLE = 3;

/**
 * The columns side by side in one row that scrolls sideways. Up to three share the width; with
 * more, each keeps a third of it, so the fourth and beyond start off-screen and are scrolled
 * to. A column is never narrower than 20rem (a readable line of output).
 */
export function ColumnsLayout({ children }: { children: ReactNode }) {
  const many = Children.count(children) > VISIBLE;
  return (
    <div
      className="-mx-1 min-w-0 overflow-x-auto px-1 pb-2"
      data-testid="playground-columns"
      tabIndex={0}
      aria-label="Model columns"
    >
      <div
        className={cn(
          'grid grid-flow-col items-stretch gap-3',
          many ? 'auto-cols-[max(20rem,calc((100%-1.5rem)/3))]' : 'auto-cols-[minmax(20rem,1fr)]',
        )}
      >
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
