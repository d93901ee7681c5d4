import type { RunView } from '../../../../shared/contract';
import { CELL, RunRow } from './run-row';

interface RunsTableProps {
  runs: readonly RunView[];
  picked: readonly string[];
  onPick: (id: string, picked: boolean) => void;
}

const HEADERS: [label: string, className: string][] = [
  ['Name', 'text-left'],
  ['Dataset', 'text-left'],
  ['Prompt', 'text-left'],
  ['Model', 'text-left'],
  ['Status', 'text-left'],
  ['Pass rate', 'text-right'],
  ['P/F/E', 'text-right'],
  ['Unscored', 'text-right'],
  ['Prompt cost', 'text-right'],
  ['Judge cost', 'text-right'],
  ['p50 / p95', 'text-right'],
  ['Created', 'text-left'],
];

/** Every run, newest first. */
export function RunsTable({ runs, picked, onPick }: RunsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full min-w-[64rem] text-[13px]" data-testid="runs-table">
        <thead className="bg-muted/60 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className={`${CELL} w-8`}>
              <span className="sr-only">Compare</span>
            </th>
            {HEADERS.map(([label, className]) => (
              <th
                key={label}
                scope="col"
                className={`${CELL} font-medium whitespace-nowrap ${className}`}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              picked={picked.includes(run.id)}
              onPick={(value) => onPick(run.id, value)}
            />
          ))}
          {runs.length === 0 ? (
            <tr>
              <td
                colSpan={HEADERS.length + 1}
                className={`${CELL} py-6 text-center text-muted-foreground`}
              >
                <span data-testid="runs-empty">No runs yet: start one with New run.</span>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
