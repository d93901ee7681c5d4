import { LoaderCircle, Plus } from 'lucide-react';
import type { PromptSummary } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import type { ClientError } from '../../client';
import { PromptListFilterBar } from './prompt-list-filters';
import { PromptListItem } from './prompt-list-item';
import type { PromptListFilters } from './use-prompt-list';
import { WriteGuard } from '../../auth/write-guard';

interface PromptListPaneProps {
  prompts: PromptSummary[] | null;
  error: ClientError | null;
  filters: PromptListFilters;
  onFiltersChange: (filters: PromptListFilters) => void;
  labels: readonly string[];
  tags: readonly string[];
  selected: string | null;
  onSelect: (name: string) => void;
  onNew: () => void;
  onRestore: (name: string) => void;
  restoring: string | null;
  /** Shown when the list is empty: no prompts at all, or none matching. */
  emptyText: string;
}

function ListState({
  prompts,
  error,
  emptyText,
}: Pick<PromptListPaneProps, 'prompts' | 'error' | 'emptyText'>) {
  if (error && !prompts)
    return <li className="px-3 py-4 text-xs text-destructive">{error.toString()}</li>;
  if (!prompts)
    return (
      <li className="flex items-center gap-2 px-3 py-4 text-xs text-muted-foreground">
        <LoaderCircle className="size-3.5 animate-spin" />
        Loading prompts…
      </li>
    );
  return (
    <li className="px-3 py-4 text-xs text-muted-foreground" data-testid="prompt-list-empty">
      {emptyText}
    </li>
  );
}

/** The left pane: filters over every prompt and the list itself. */
export function PromptListPane(props: PromptListPaneProps) {
  const { prompts, filters, selected } = props;
  const shown = prompts?.filter((p) => filters.includeDeleted || p.deletedAt === null) ?? [];
  return (
    <aside className="flex h-full w-72 shrink-0 flex-col border-r bg-card/40">
      <div className="flex h-12 shrink-0 items-center justify-between gap-2 px-3">
        <div className="flex items-baseline gap-2">
          <h1 className="text-sm font-semibold tracking-tight">Prompts</h1>
          {prompts ? (
            <span className="text-xs text-muted-foreground" data-testid="prompt-count">
              {shown.length}
            </span>
          ) : null}
        </div>
        <WriteGuard what="prompts">
          {(blocked) => (
            <Button size="xs" data-testid="new-prompt" disabled={blocked} onClick={props.onNew}>
              <Plus />
              New prompt
            </Button>
          )}
        </WriteGuard>
      </div>
      <PromptListFilterBar
        filters={filters}
        onChange={props.onFiltersChange}
        labels={props.labels}
        tags={props.tags}
      />
      <ul className="flex flex-1 flex-col gap-px overflow-y-auto p-1.5" data-testid="prompt-list">
        {shown.map((prompt) => (
          <PromptListItem
            key={prompt.id}
            prompt={prompt}
            selected={prompt.name === selected}
            onSelect={() => props.onSelect(prompt.name)}
            onRestore={() => props.onRestore(prompt.name)}
            restoring={props.restoring === prompt.name}
          />
        ))}
        {shown.length === 0 ? (
          <ListState prompts={prompts} error={props.error} emptyText={props.emptyText} />
        ) : null}
      </ul>
    </aside>
  );
}
