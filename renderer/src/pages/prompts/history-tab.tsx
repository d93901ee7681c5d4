import { useState } from 'react';
import type { PromptVersionView } from '../../../../shared/contract';
import { LabelHistoryList } from './label-history';
import type { LabelEvent } from './use-label-history';
import { VersionRow } from './version-row';

interface HistoryTabProps {
  versions: readonly PromptVersionView[];
  editingVersion: string;
  labelEvents: LabelEvent[] | null;
  onEditFrom: (version: string) => void;
  onPromote: (version: string) => void;
  promoting: boolean;
}

/** Versions newest first, each openable read-only, and the label moves below. */
export function HistoryTab(props: HistoryTabProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4 p-4">
      <section className="flex flex-col gap-2">
        <h3 className="text-xs font-semibold">
          Versions{' '}
          <span className="font-normal text-muted-foreground">{props.versions.length}</span>
        </h3>
        <ol className="flex flex-col rounded-md border bg-card" data-testid="version-list">
          {props.versions.map((version) => (
            <VersionRow
              key={version.id}
              version={version}
              open={open === version.version}
              onToggle={() => setOpen(open === version.version ? null : version.version)}
              onEditFrom={() => props.onEditFrom(version.version)}
              onPromote={() => props.onPromote(version.version)}
              promoting={props.promoting}
              editing={version.version === props.editingVersion}
            />
          ))}
        </ol>
      </section>
      <LabelHistoryList events={props.labelEvents} />
    </div>
  );
}
