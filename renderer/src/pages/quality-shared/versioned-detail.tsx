import { Archive, ArchiveRestore, LoaderCircle, Pencil } from 'lucide-react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { cn } from '../../lib/utils';
import { useChannelMutation } from '../../query/channel-query';

/** Until the item is loaded: its error once it failed, else a spinner. */
export function DetailFallback({ noun, error }: { noun: string; error: ClientError | null }) {
  if (!error) return <LoaderCircle className="m-6 size-4 animate-spin" />;
  return (
    <p className="p-6 text-sm text-destructive" data-testid={`${noun}-error`}>
      {error.toString()}
    </p>
  );
}

interface ShownItem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly archived: boolean;
}

interface VersionedDetailProps<T extends string> {
  /**
   * What the item is called ("grader"): the test ids (`grader-detail`, `grader-name`,
   * `edit-grader`, `archive-grader`, `grader-tab-<tab>`).
   */
  readonly noun: string;
  readonly item: ShownItem;
  /** The channel that archives and restores it. */
  readonly archiveChannel: 'graders.archive' | 'scorecards.archive';
  /** What the heading shows after the name: badges, the version. */
  readonly badges: ReactNode;
  /** Badges sit centred on the name's line; plain text sits on its baseline. */
  readonly align: 'center' | 'baseline';
  readonly onEdit: () => void;
  readonly tabs: readonly T[];
  readonly tabLabels: Readonly<Record<T, string>>;
  readonly tab: T;
  readonly onTab: (tab: T) => void;
  /** Each tab's content. */
  readonly panels: Readonly<Record<T, ReactNode>>;
  /** The edit dialog, while open. */
  readonly children?: ReactNode;
}

/**
 * The right side of a page of versioned items: the header (name, badges, description, Edit and
 * Archive or Restore), then the item's tabs.
 */
export function VersionedDetail<T extends string>(props: VersionedDetailProps<T>) {
  const { noun, item } = props;
  const archive = useChannelMutation(props.archiveChannel);
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: item.id, archived },
      {
        onSuccess: () => toast.success(`${archived ? 'Archived' : 'Restored'} ${item.name}`),
        onError: (err) => toast.error(err.toString()),
      },
    );
  return (
    <div className="flex flex-col gap-4 px-8 py-5" data-testid={`${noun}-detail`}>
      <header className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div
            className={cn(
              'flex flex-wrap gap-2',
              props.align === 'center' ? 'items-center' : 'items-baseline',
            )}
          >
            <h2 className="text-lg font-semibold tracking-tight" data-testid={`${noun}-name`}>
              {item.name}
            </h2>
            {props.badges}
            {item.archived ? <span className="text-xs text-muted-foreground">archived</span> : null}
          </div>
          {item.description ? (
            <p className="text-sm text-muted-foreground">{item.description}</p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="outline" data-testid={`edit-${noun}`} onClick={props.onEdit}>
            <Pencil />
            Edit
          </Button>
          <Button
            size="sm"
            variant="outline"
            data-testid={`archive-${noun}`}
            disabled={archive.isPending}
            onClick={() => setArchived(!item.archived)}
          >
            {item.archived ? <ArchiveRestore /> : <Archive />}
            {item.archived ? 'Restore' : 'Archive'}
          </Button>
        </div>
      </header>
      <Tabs value={props.tab} onValueChange={(tab) => props.onTab(tab as T)}>
        <TabsList>
          {props.tabs.map((tab) => (
            <TabsTrigger key={tab} value={tab} data-testid={`${noun}-tab-${tab}`}>
              {props.tabLabels[tab]}
            </TabsTrigger>
          ))}
        </TabsList>
        {props.tabs.map((tab) => (
          <TabsContent key={tab} value={tab} className="pt-4">
            {props.panels[tab]}
          </TabsContent>
        ))}
      </Tabs>
      {props.children}
    </div>
  );
}
