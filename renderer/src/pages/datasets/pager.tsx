import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { fmtCount } from '../../lib/format';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffsetChange: (offset: number) => void;
}

/** `101–200 of 5,000` with previous and next. */
export function Pager({ offset, limit, total, onOffsetChange }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return (
    <div className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <span data-testid="cases-range">{`${fmtCount(first)}–${fmtCount(last)} of ${fmtCount(total)}`}</span>
      <Button
        variant="outline"
        size="xs"
        data-testid="cases-prev"
        aria-label="Previous page"
        disabled={offset === 0}
        onClick={() => onOffsetChange(Math.max(0, offset - limit))}
      >
        <ChevronLeft />
      </Button>
      <Button
        variant="outline"
        size="xs"
        data-testid="cases-next"
        aria-label="Next page"
        disabled={last >= total}
        onClick={() => onOffsetChange(offset + limit)}
      >
        <ChevronRight />
      </Button>
    </div>
  );
}
