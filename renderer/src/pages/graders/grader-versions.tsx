import type { GraderVersionView } from '../../../../shared/contract';
import { PickButton } from '../quality-shared/pick-button';
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
            <PickButton
              testId={`grader-version-item-${v.version}`}
              selected={v === shown}
              onClick={() => onSelect(v.version)}
              className="text-xs"
            >
              <span className="font-medium">Version {v.version}</span>
              <span className="text-muted-foreground">
                {new Date(v.createdAt).toLocaleString()} · {scoreConfigText(v.scoreConfig)}
              </span>
            </PickButton>
          </li>
        ))}
      </ol>
      <div className="min-w-0 flex-1">{shown ? <GraderVersionBody version={shown} /> : null}</div>
    </div>
  );
}
