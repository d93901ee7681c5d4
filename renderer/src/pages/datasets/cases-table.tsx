import type { TestCaseView } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { CaseRow } from './case-row';
import type { CasePatch } from './use-case-edits';

interface CasesTableProps {
  cases: readonly TestCaseView[];
  onSave: (testCase: TestCaseView, patch: CasePatch) => Promise<boolean>;
  onOpen: (testCase: TestCaseView) => void;
  onDelete: (testCase: TestCaseView) => void;
  emptyText: string;
}

const HEADERS: [label: string, className: string][] = [
  ['#', 'w-10'],
  ['Vars', 'w-[24%]'],
  ['Expected', 'w-[18%]'],
  ['Description', 'w-[14%]'],
  // The rest of the width: chips wrap onto more lines when it is narrow.
  ['Matchers', ''],
  ['Tags', 'w-[11%]'],
  ['Rev', 'w-11'],
];

/** A page of cases; click a cell to edit it, or open the whole case. */
export function CasesTable(props: CasesTableProps) {
  return (
    <div className="rounded-lg border bg-card">
      <Table className="min-w-[46rem] table-fixed text-[13px]" data-testid="cases-table">
        <TableHeader className="bg-muted/60">
          <TableRow>
            {HEADERS.map(([label, className]) => (
              <TableHead key={label} scope="col" className={className}>
                {label}
              </TableHead>
            ))}
            <TableHead scope="col" className="w-16">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.cases.map((testCase) => (
            <CaseRow
              key={testCase.id}
              testCase={testCase}
              onSave={(patch) => props.onSave(testCase, patch)}
              onOpen={() => props.onOpen(testCase)}
              onDelete={() => props.onDelete(testCase)}
            />
          ))}
          {props.cases.length === 0 ? (
            <TableRow>
              <TableCell
                colSpan={HEADERS.length + 1}
                className="py-6 text-center text-muted-foreground"
              >
                <span data-testid="cases-empty">{props.emptyText}</span>
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
