import type { ReactNode } from 'react';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { EDITOR_TABS, type EditorTab } from './prompt-route';

const TAB_LABELS: Record<EditorTab, string> = {
  edit: 'Edit',
  history: 'History',
  diff: 'Diff',
  preview: 'Preview',
};

const isEditorTab = (value: string): value is EditorTab =>
  (EDITOR_TABS as readonly string[]).includes(value);

interface EditorTabsProps {
  tab: EditorTab;
  onChange: (tab: EditorTab) => void;
  /** The open tab's content (only that one is rendered: the others ask the core for nothing). */
  children: ReactNode;
}

/** The editor's views under its header: arrow keys move between them. */
export function EditorTabs({ tab, onChange, children }: EditorTabsProps) {
  return (
    <Tabs
      value={tab}
      onValueChange={(value) => isEditorTab(value) && onChange(value)}
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="border-b px-4 py-1.5">
        <TabsList aria-label="Prompt views">
          {EDITOR_TABS.map((value) => (
            <TabsTrigger key={value} value={value} data-testid={`tab-${value}`}>
              {TAB_LABELS[value]}
            </TabsTrigger>
          ))}
        </TabsList>
      </div>
      <TabsContent value={tab} className="min-h-0 flex-1 overflow-y-auto">
        {children}
      </TabsContent>
    </Tabs>
  );
}
