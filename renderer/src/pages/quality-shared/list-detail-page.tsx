import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** What the right side says while nothing is selected: what the page is for. */
export function EmptyDetail({ icon: Icon, children }: { icon: LucideIcon; children: ReactNode }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 px-8 text-center">
      <Icon className="size-8 text-muted-foreground/60" />
      <p className="max-w-sm text-sm text-muted-foreground">{children}</p>
    </div>
  );
}

/** A list on the left, the selection on the right (scrolled on its own), a create dialog over both. */
export function ListDetailPage({
  testId,
  list,
  detail,
  dialog,
}: {
  testId: string;
  list: ReactNode;
  detail: ReactNode;
  /** The create dialog, while open. */
  dialog: ReactNode;
}) {
  return (
    <div className="flex h-full min-h-0" data-testid={testId}>
      {list}
      <div className="min-w-0 flex-1 overflow-y-auto">{detail}</div>
      {dialog}
    </div>
  );
}
