import { useCallback, useMemo, useState } from 'react';
import { DiscardDialog } from './discard-dialog';
import { EmptyWorkspace } from './empty-workspace';
import { listFacets } from './list-facets';
import { NewPromptDialog } from './new-prompt-dialog';
import { PromptListPane } from './prompt-list-pane';
import { PromptWorkspace } from './prompt-workspace';
import { useDiscardGuard } from './use-discard-guard';
import { NO_FILTERS, usePromptList, type PromptListFilters } from './use-prompt-list';
import { useRestorePrompt } from './use-restore-prompt';

/** Prompt management: the filtered list on the left, the selected prompt's editor on the right. */
export function PromptsPage() {
  const [filters, setFilters] = useState<PromptListFilters>(NO_FILTERS);
  const [refreshKey, setRefreshKey] = useState(0);
  const list = usePromptList(filters, refreshKey);
  const all = usePromptList(NO_FILTERS, refreshKey);
  const [selected, setSelected] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [creating, setCreating] = useState(false);
  const discard = useDiscardGuard(dirty);
  const facets = useMemo(() => listFacets(all.prompts), [all.prompts]);

  const refresh = useCallback(() => setRefreshKey((n) => n + 1), []);
  const { restore, restoring } = useRestorePrompt((name) => {
    refresh();
    setSelected((current) => current ?? name);
  });
  const select = (name: string) => {
    if (name !== selected) discard.guard(() => setSelected(name));
  };
  const onDeleted = useCallback(() => {
    setSelected(null);
    refresh();
  }, [refresh]);
  const hasPrompts = (all.prompts?.length ?? 0) > 0;
  const filtered =
    filters.search !== '' || filters.kind !== '' || filters.label !== '' || filters.tag !== '';

  return (
    <div className="flex h-full min-h-0" data-testid="page-prompts">
      <PromptListPane
        prompts={list.prompts}
        error={list.error}
        filters={filters}
        onFiltersChange={setFilters}
        labels={facets.labels}
        tags={facets.tags}
        selected={selected}
        onSelect={select}
        onNew={() => setCreating(true)}
        onRestore={(name) => void restore(name)}
        restoring={restoring}
        emptyText={filtered || hasPrompts ? 'No prompts match the filters.' : 'No prompts yet.'}
      />
      <div className="min-w-0 flex-1">
        {selected ? (
          <PromptWorkspace
            key={selected}
            name={selected}
            catalog={all.prompts}
            onChanged={refresh}
            onDeleted={onDeleted}
            restore={(name) => void restore(name)}
            onDirtyChange={setDirty}
            guard={discard.guard}
          />
        ) : all.prompts ? (
          <EmptyWorkspace hasPrompts={hasPrompts} onNew={() => setCreating(true)} />
        ) : null}
      </div>
      <NewPromptDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(name) => {
          setCreating(false);
          refresh();
          discard.guard(() => setSelected(name));
        }}
      />
      <DiscardDialog open={discard.asking} onCancel={discard.cancel} onDiscard={discard.confirm} />
    </div>
  );
}
