import { Pencil, Trash2 } from 'lucide-react';
import type { TestCaseView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { TableCell, TableRow } from '../../components/ui/table';
import { WithTooltip } from '../../components/ui/tooltip';
import {
  expectedSummary,
  expectedText,
  parseExpected,
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
  onSave: (patch: CasePatch) => Promise<boolean>;
  /** Opens the whole case in the editor (matchers are edited there, as forms). */
  onOpen: () => void;
  onDelete: () => void;
}

/**
 * Long text wraps between words; only a token longer than the column (a URL, a JSON blob) breaks
 * inside itself. At most six lines show; the cell's editor holds the rest.
 */
const WRAPPED = 'line-clamp-6 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]';
const parseTags = (text: string): Parsed<string[]> => ({ ok: true, value: splitTags(text) });
const parseText = (text: string): Parsed<string> => ({ ok: true, value: text.trim() });

/** One case: vars, expected, description and tags edit in place; the rest in the editor. */
export function CaseRow({ testCase, onSave, onOpen, onDelete }: CaseRowProps) {
  const p = testCase.position;
  const vars = varsSummary(testCase.vars);
  const expected = expectedSummary(testCase.expected);
  return (
    <TableRow data-testid={`case-row-${p}`} data-case-id={testCase.id} className="align-top">
      <TableCell className="align-top font-mono text-xs text-muted-foreground tabular-nums">
        {p}
      </TableCell>
      <EditableCell
        testId={`case-vars-${p}`}
        label={`the variables of case ${p}`}
        text={() => varsText(testCase.vars)}
        parse={parseVars}
        onSave={(value) => onSave({ vars: value })}
      >
        <span className={`${WRAPPED} font-mono`} title={vars}>
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
        <span className={`${WRAPPED} font-mono`} title={expected}>
          {expected || <span className="text-muted-foreground">none</span>}
        </span>
      </EditableCell>
      <EditableCell
        testId={`case-description-${p}`}
        label={`the description of case ${p}`}
        text={() => testCase.description}
        parse={parseText}
        onSave={(value) => onSave({ description: value })}
      >
        <span className={WRAPPED}>
          {testCase.description || <span className="text-muted-foreground">-</span>}
        </span>
      </EditableCell>
      <TableCell className="align-top whitespace-normal">
        <button
          type="button"
          className="w-full rounded px-1 py-0.5 text-left hover:bg-muted/70 focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
          data-testid={`case-matchers-${p}`}
          aria-label={`Edit the matchers of case ${p}`}
          onClick={onOpen}
        >
          <MatcherChips matchers={testCase.matchers} />
        </button>
      </TableCell>
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
      <TableCell
        className="align-top font-mono text-xs text-muted-foreground"
        data-testid={`case-revision-${p}`}
        title={`Revision ${testCase.revision}, updated ${new Date(testCase.updatedAt).toLocaleString()}`}
      >
        {`r${testCase.revision}`}
      </TableCell>
      <TableCell className="px-1 py-1 text-right align-top whitespace-nowrap">
        <WithTooltip content="Edit the whole case">
          <Button
            variant="ghost"
            size="xs"
            data-testid={`edit-case-${p}`}
            aria-label={`Edit case ${p}`}
            onClick={onOpen}
          >
            <Pencil />
          </Button>
        </WithTooltip>
        <WithTooltip content="Delete (Undo in the notice)">
          <Button
            variant="ghost"
            size="xs"
            data-testid={`delete-case-${p}`}
            aria-label={`Delete case ${p}`}
            onClick={onDelete}
          >
            <Trash2 />
          </Button>
        </WithTooltip>
      </TableCell>
    </TableRow>
  );
}
