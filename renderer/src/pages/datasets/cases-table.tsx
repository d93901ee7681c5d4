import type { TestCaseView } from '../../../../shared/contract';
import { CaseRow } from './case-row';
import type { CasePatch } from './use-case-edits';

interface CasesTableProps {
  cases: readonly TestCaseView[];
  /** The id of a case just added, whose vars open in the editor. */
  freshId: string | null;
  deleting: string | null;
  onSave: (testCase: TestCaseView, patch: CasePatch) => Promise<boolean>;
  onDelete: (testCase: TestCaseView) => void;
  emptyText: string;
}

const HEADERS: [label: string, className: string][] = [
  ['#', 'w-12'],
  ['Vars', 'w-[27%]'],
  ['Expected', 'w-[21%]'],
  ['Matchers', ''],
  ['Tags', 'w-36'],
  ['Rev', 'w-12'],
];

/** A page of cases; click a cell to edit it. */
export function CasesTable(props: CasesTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full min-w-[56rem] table-fixed text-[13px]" data-testid="cases-table">
        <thead className="bg-muted/60 text-xs text-muted-foreground">
          <tr>
            {HEADERS.map(([label, className]) => (
              <th
                key={label}
                scope="col"
                className={`px-3 py-1.5 text-left font-medium ${className}`}
              >
                {label}
              </th>
            ))}
            <th scope="col" className="w-12">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.cases.map((testCase) => (
            <CaseRow
              key={testCase.id}
              testCase={testCase}
              fresh={testCase.id === props.freshId}
              deleting={props.deleting === testCase.id}
              onSave={(patch) => props.onSave(testCase, patch)}
              onDelete={() => props.onDelete(testCase)}
            />
          ))}
          {props.cases.length === 0 ? (
            <tr>
              <td
                colSpan={HEADERS.length + 1}
                className="px-3 py-6 text-center text-muted-foreground"
              >
                <span data-testid="cases-empty">{props.emptyText}</span>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
