import { cn } from '../../lib/utils';

export const EDITOR_TABS = ['edit', 'history', 'diff', 'preview'] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

const TAB_LABELS: Record<EditorTab, string> = {
  edit: 'Edit',
  history: 'History',
  diff: 'Diff',
  preview: 'Preview',
};

/** Underlined tabs under the editor header. */
export function TabBar({ tab, onChange }: { tab: EditorTab; onChange: (tab: EditorTab) => void }) {
  return (
    <div role="tablist" aria-label="Prompt views" className="flex gap-1 border-b px-4">
      {EDITOR_TABS.map((value) => {
        const selected = value === tab;
        return (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={selected}
            data-testid={`tab-${value}`}
            onClick={() => onChange(value)}
            className={cn(
              '-mb-px flex h-8 items-center border-b-2 border-transparent px-2.5 text-xs font-medium text-muted-foreground transition-colors',
              'hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
              selected && 'border-foreground text-foreground',
            )}
          >
            {TAB_LABELS[value]}
          </button>
        );
      })}
    </div>
  );
}
