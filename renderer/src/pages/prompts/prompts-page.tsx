import { useMemo, useState } from 'react';
import { useNewFlag } from '../../navigation/use-new-flag';
import { DiscardDialog } from './discard-dialog';
import { EmptyWorkspace } from './empty-workspace';
import { listFacets } from './list-facets';
import { NewPromptDialog } from './new-prompt-dialog';
import { PromptListPane } from './prompt-list-pane';
import { PromptWorkspace } from './prompt-workspace';
import { useDiscardGuard } from './use-discard-guard';
import { useGuardedView } from './use-guarded-view';
import { NO_FILTERS, usePromptList, type PromptListFilters } from './use-prompt-list';
import { useRestorePrompt } from './use-restore-prompt';

/**
 * Prompt management: the filtered list on the left, the selected prompt's editor on the right.
 * The selection (prompt, version, tab, compared versions) lives in the hash, so a reload, Back
 * and a copied link all open the same view.
 */
export function PromptsPage() {
  const [filters, setFilters] = useState<PromptListFilters>(NO_FILTERS);
  const list = usePromptList(filters);
  const all = usePromptList(NO_FILTERS);
  const [dirty, setDirty] = useState(false);
  const [creatingHere, setCreatingHere] = useState(false);
  // `#/prompts?new=1` (the command palette's New prompt) opens the dialog too.
  const [newFlag, clearNewFlag] = useNewFlag();
  const creating = creatingHere || newFlag;
  const setCreating = (open: boolean) => {
    setCreatingHere(open);
    if (!open) clearNewFlag();
  };
  const discard = useDiscardGuard(dirty);
  const { view, go, open, adjust, leave } = useGuardedView(dirty, discard.guard);
  const selected = view.name;
  const facets = useMemo(() => listFacets(all.prompts), [all.prompts]);

  const { restore, restoring } = useRestorePrompt((name) => {
    if (!selected) go({ name });
  });
  const select = (name: string) => {
    if (name !== selected) go({ name });
  };
  // A deleted prompt is no place to come Back to: its entry is replaced by the bare page.
  const onDeleted = leave;
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
        onRestore={restore}
        restoring={restoring}
        emptyText={filtered || hasPrompts ? 'No prompts match the filters.' : 'No prompts yet.'}
      />
      <div className="min-w-0 flex-1">
        {selected ? (
          <PromptWorkspace
            key={selected}
            view={{ ...view, name: selected }}
            open={open}
            adjust={adjust}
            catalog={all.prompts}
            onDeleted={onDeleted}
            restore={restore}
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
          go({ name });
        }}
      />
      <DiscardDialog open={discard.asking} onCancel={discard.cancel} onDiscard={discard.confirm} />
    </div>
  );
}
