import { LoaderCircle, Trash2 } from 'lucide-react';
import type { TestCaseView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import {
  expectedSummary,
  expectedText,
  matchersText,
  parseExpected,
  parseMatchers,
  parseVars,
  varsSummary,
  varsText,
  type Parsed,
} from './case-fields';
import { EditableCell } from './editable-cell';
import { MatcherChips } from './matcher-chips';
import { splitTags } from './tags-text';
import type { CasePatch } from './use-case-edits';

interface CaseRowProps {
  testCase: TestCaseView;
  /** Open the vars editor at once (the case was just added). */
  fresh: boolean;
  deleting: boolean;
  onSave: (patch: CasePatch) => Promise<boolean>;
  onDelete: () => void;
}

const TRUNCATE = 'line-clamp-3 font-mono text-xs break-all whitespace-pre-wrap';
const parseTags = (text: string): Parsed<string[]> => ({ ok: true, value: splitTags(text) });

/** One case: every field edits in place and saves as a new revision. */
export function CaseRow({ testCase, fresh, deleting, onSave, onDelete }: CaseRowProps) {
  const p = testCase.position;
  const vars = varsSummary(testCase.vars);
  const expected = expectedSummary(testCase.expected);
  return (
    <tr
      className="border-t hover:bg-muted/20"
      data-testid={`case-row-${p}`}
      data-case-id={testCase.id}
    >
      <td className="px-2 py-1.5 align-top font-mono text-xs text-muted-foreground tabular-nums">
        {p}
      </td>
      <EditableCell
        testId={`case-vars-${p}`}
        label={`the variables of case ${p}`}
        text={() => varsText(testCase.vars)}
        parse={parseVars}
        startOpen={fresh}
        onSave={(value) => onSave({ vars: value })}
      >
        <span className={TRUNCATE} title={vars}>
          {vars || <span className="text-muted-foreground">empty</span>}
        </span>
      </EditableCell>
      <EditableCell
        testId={`case-expected-${p}`}
        label={`the expected output of case ${p}`}
        text={() => expectedText(testCase.expected)}
        parse={parseExpected}
        onSave={(value) => onSave({ expected: value as CasePatch['expected'] })}
      >
        <span className={TRUNCATE} title={expected}>
          {expected || <span className="text-muted-foreground">none</span>}
        </span>
      </EditableCell>
      <EditableCell
        testId={`case-matchers-${p}`}
        label={`the matchers of case ${p}`}
        text={() => matchersText(testCase.matchers)}
        parse={parseMatchers}
        onSave={(value) => onSave({ matchers: value })}
      >
        <MatcherChips matchers={testCase.matchers} />
      </EditableCell>
      <EditableCell
        testId={`case-tags-${p}`}
        label={`the tags of case ${p}`}
        text={() => testCase.tags.join(', ')}
        parse={parseTags}
        onSave={(value) => onSave({ tags: value })}
      >
        <div className="flex flex-wrap gap-1">
          {testCase.tags.length === 0 ? (
            <span className="text-xs text-muted-foreground">-</span>
          ) : null}
          {testCase.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </div>
      </EditableCell>
      <td
        className="px-2 py-1.5 align-top font-mono text-xs text-muted-foreground"
        data-testid={`case-revision-${p}`}
        title={`Revision ${testCase.revision}, updated ${new Date(testCase.updatedAt).toLocaleString()}`}
      >
        {`r${testCase.revision}`}
      </td>
      <td className="px-1 py-1 text-right align-top">
        <Button
          variant="ghost"
          size="xs"
          data-testid={`delete-case-${p}`}
          aria-label={`Delete case ${p}`}
          disabled={deleting}
          onClick={onDelete}
        >
          {deleting ? <LoaderCircle className="animate-spin" /> : <Trash2 />}
        </Button>
      </td>
    </tr>
  );
}
