import { FileText, Plus } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { WriteGuard } from '../../auth/write-guard';

/** What the right side shows with no prompt selected: a first-run hint or a nudge to pick one. */
export function EmptyWorkspace({ hasPrompts, onNew }: { hasPrompts: boolean; onNew: () => void }) {
  return (
    <div className="flex h-full items-center justify-center p-8">
      <div className="flex max-w-md flex-col items-center gap-3 text-center">
        <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50">
          <FileText className="size-5 text-muted-foreground" />
        </div>
        {hasPrompts ? (
          <p className="text-sm text-muted-foreground" data-testid="prompts-select-hint">
            Select a prompt on the left to edit it, see its history or compare versions.
          </p>
        ) : (
          <>
            <p className="text-sm font-medium" data-testid="prompts-empty">
              No prompts yet — create a system prompt, a user template, and a chat prompt that
              composes them
            </p>
            <p className="text-xs text-muted-foreground">
              Every save is a new immutable version (v1.0, v1.1, …); labels such as production say
              which version applications use.
            </p>
            <WriteGuard what="prompts">
              {(blocked) => (
                <Button size="sm" disabled={blocked} onClick={onNew}>
                  <Plus />
                  New prompt
                </Button>
              )}
            </WriteGuard>
          </>
        )}
      </div>
    </div>
  );
}
