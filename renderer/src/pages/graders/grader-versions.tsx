import type { GraderVersionView } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import { GraderVersionBody } from './grader-version-view';
import { scoreConfigText } from './score-config-text';

interface GraderVersionsProps {
  /** Oldest first, as graders.get lists them. */
  readonly versions: readonly GraderVersionView[];
  readonly selected: number | null;
  readonly onSelect: (version: number) => void;
}

/** Every version, newest first; the selected one (default the latest) shown in full. */
export function GraderVersions({ versions, selected, onSelect }: GraderVersionsProps) {
  const newestFirst = [...versions].reverse();
  const shown = newestFirst.find((v) => v.version === selected) ?? newestFirst[0];
  return (
    <div className="flex gap-6">
      <ol className="flex w-56 shrink-0 flex-col gap-px" data-testid="grader-version-list">
        {newestFirst.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              data-testid={`grader-version-item-${v.version}`}
              aria-current={v === shown ? 'true' : undefined}
              onClick={() => onSelect(v.version)}
              className={cn(
                'flex w-full flex-col rounded-md px-2 py-1.5 text-left text-xs hover:bg-accent',
                v === shown && 'bg-accent',
              )}
            >
              <span className="font-medium">Version {v.version}</span>
              <span className="text-muted-foreground">
                {new Date(v.createdAt).toLocaleString()} · {scoreConfigText(v.scoreConfig)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="min-w-0 flex-1">{shown ? <GraderVersionBody version={shown} /> : null}</div>
    </div>
  );
}
