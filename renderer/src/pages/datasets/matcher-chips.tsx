import type { MatcherInput } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';

/** A case's matchers as chips of their types; the full settings show on hover. */
export function MatcherChips({ matchers }: { matchers: readonly MatcherInput[] }) {
  if (matchers.length === 0) return <span className="text-xs text-muted-foreground">none</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {matchers.map((m, i) => (
        <Badge key={i} variant="outline" className="font-mono" title={JSON.stringify(m)}>
          {m.type}
        </Badge>
      ))}
    </div>
  );
}
