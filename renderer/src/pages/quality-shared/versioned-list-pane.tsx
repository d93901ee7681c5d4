import { LoaderCircle, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Label } from '../../components/ui/label';
import { cn } from '../../lib/utils';
import { PickButton } from './pick-button';

/** What a list pane lists: a versioned item at its latest version. */
interface ListedItem {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
}

/** What a page gives its list pane: the items and what the pane does with the address. */
export interface ListPaneProps<T extends ListedItem> {
  /** Null while loading. */
  readonly items: readonly T[] | null;
  readonly error: ClientError | null;
  readonly selected: string | null;
  readonly archived: boolean;
  readonly onArchivedChange: (archived: boolean) => void;
  readonly onSelect: (id: string) => void;
  readonly onNew: () => void;
}

interface VersionedListPaneProps<T extends ListedItem> extends ListPaneProps<T> {
  /** The heading: "Graders". */
  readonly title: string;
  /**
   * What one item is called ("grader"): the test ids (`new-grader`, `grader-count`,
   * `grader-list`, `grader-item-<name>`, `graders-show-archived`) and the loading line.
   */
  readonly noun: string;
  /** The pane's width. */
  readonly className: string;
  /** What an item's row shows. */
  readonly renderItem: (item: T) => ReactNode;
  /** The row's own layout (the gap between its lines). */
  readonly itemClassName?: string;
  /** Shown when there is nothing to list. */
  readonly empty?: ReactNode;
}

/**
 * The left pane of a page of versioned items (graders, scorecards): the heading with the count
 * and New, the archived toggle, and the items, with loading and error in the list's place.
 */
export function VersionedListPane<T extends ListedItem>(props: VersionedListPaneProps<T>) {
  const { noun, items } = props;
  const plural = `${noun}s`;
  return (
    <aside className={cn('flex h-full shrink-0 flex-col border-r bg-card/40', props.className)}>
      <div className="flex h-12 shrink-0 items-center justify-between gap-2 px-3">
        <div className="flex items-baseline gap-2">
          <h1 className="text-sm font-semibold tracking-tight">{props.title}</h1>
          {items ? (
            <span className="text-xs text-muted-foreground" data-testid={`${noun}-count`}>
              {items.length}
            </span>
          ) : null}
        </div>
        <Button size="xs" data-testid={`new-${noun}`} onClick={props.onNew}>
          <Plus />
          New
        </Button>
      </div>
      <div className="flex items-center gap-2 px-3 pb-2">
        <Checkbox
          id={`${plural}-archived`}
          data-testid={`${plural}-show-archived`}
          checked={props.archived}
          onCheckedChange={(checked) => props.onArchivedChange(checked === true)}
        />
        <Label htmlFor={`${plural}-archived`} className="text-xs font-normal">
          Show archived
        </Label>
      </div>
      <ul
        className="flex flex-1 flex-col gap-px overflow-y-auto p-1.5"
        data-testid={`${noun}-list`}
      >
        {items?.map((item) => (
          <li key={item.id} data-testid={`${noun}-item-${item.name}`}>
            <PickButton
              selected={item.id === props.selected}
              dimmed={item.archived}
              onClick={() => props.onSelect(item.id)}
              className={props.itemClassName}
            >
              {props.renderItem(item)}
            </PickButton>
          </li>
        ))}
        {props.error && !items ? (
          <li className="px-3 py-4 text-xs text-destructive">{props.error.toString()}</li>
        ) : !items ? (
          <li className="flex items-center gap-2 px-3 py-4 text-xs text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" />
            {`Loading ${plural}…`}
          </li>
        ) : items.length === 0 ? (
          (props.empty ?? null)
        ) : null}
      </ul>
    </aside>
  );
}
