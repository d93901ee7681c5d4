import { LoaderCircle } from 'lucide-react';
import { useChannelQuery } from '../../query/channel-query';
import { PickButton } from '../quality-shared/pick-button';

/** Every version of a scorecard, newest first; picking one shows and charts its items. */
export function ScorecardVersions({
  id,
  selected,
  onSelect,
}: {
  id: string;
  selected: number;
  onSelect: (version: number) => void;
}) {
  const versions = useChannelQuery('scorecards.versions', { id });
  if (!versions.data) return <LoaderCircle className="size-4 animate-spin" />;
  return (
    <ol className="flex max-w-xl flex-col gap-px" data-testid="scorecard-version-list">
      {versions.data.versions.map((v) => (
        <li key={v.versionId}>
          <PickButton
            testId={`scorecard-version-item-${v.version}`}
            selected={v.version === selected}
            onClick={() => onSelect(v.version)}
            className="text-xs"
          >
            <span className="font-medium">Version {v.version}</span>
            <span className="text-muted-foreground">
              {`${v.body.items.length} graders · weights ${v.body.items.map((i) => i.weight).join(' / ')} · pass at ${v.body.passThreshold}`}
            </span>
          </PickButton>
        </li>
      ))}
    </ol>
  );
}
