import { memo } from 'react';
import { ModelColumn, type ModelColumnProps } from './model-column';
import type { OutputStore } from './output-store';
import { useColumnOutput } from './use-column-output';

type LiveColumnProps = Omit<ModelColumnProps, 'output'> & { store: OutputStore };

/** A column that reads its own output from the store: tokens re-render this column only. */
export const LiveColumn = memo(function LiveColumn({ store, ...props }: LiveColumnProps) {
  const output = useColumnOutput(store, props.column.id);
  return <ModelColumn {...props} output={output} />;
});
