import type { RunView } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { RunRow } from './run-row';

interface RunsTableProps {
  runs: readonly RunView[];
  picked: readonly string[];
  onPick: (id: string, picked: boolean) => void;
}

const HEADERS: [label: string, className: string][] = [
  ['Name', ''],
  ['Dataset', ''],
  ['Prompt', ''],
  ['Model', ''],
  ['Status', ''],
  ['Pass rate', 'text-right'],
  ['P/F/E', 'text-right'],
  ['Unscored', 'text-right'],
  ['Prompt cost', 'text-right'],
  ['Judge cost', 'text-right'],
  ['p50 / p95', 'text-right'],
  ['Created', ''],
];

/** Every run, newest first. */
export function RunsTable({ runs, picked, onPick }: RunsTableProps) {
  return (
    <div className="rounded-lg border bg-card">
      <Table className="min-w-[64rem] text-[13px]" data-testid="runs-table">
        <TableHeader className="bg-muted/60">
          <TableRow>
            <TableHead className="w-8">
              <span className="sr-only">Pick</span>
            </TableHead>
            {HEADERS.map(([label, className]) => (
              <TableHead key={label} scope="col" className={className}>
                {label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              picked={picked.includes(run.id)}
              onPick={(value) => onPick(run.id, value)}
            />
          ))}
          {runs.length === 0 ? (
            <TableRow>
              <TableCell
                colSpan={HEADERS.length + 1}
                className="py-6 text-center text-muted-foreground"
              >
                <span data-testid="runs-empty">No runs yet: start one with New run.</span>
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
