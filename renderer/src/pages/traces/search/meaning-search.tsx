import { useEffect, useRef } from 'react';
import { Checkbox } from '../../../components/ui/checkbox';
import { Label } from '../../../components/ui/label';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useChannelQuery } from '../../../query/channel-query';
import { useMeaningParam } from './meaning-url';
import { SemanticNotice } from './semantic-notice';

/** The most a meaning search returns (the channel's limit). */
const MEANING_LIMIT = 50;

/**
 * Next to the Traces list's search box: "by meaning" runs the box's text as a semantic query
 * and reports the matching trace ids, closest first; null while off or with nothing typed
 * (the list then shows its own results). The toggle lives in the URL (`meaning=1`).
 */
export function MeaningSearchToggle(props: {
  value: string;
  onResults: (traceIds: string[] | null) => void;
}) {
  const { value, onResults } = props;
  const [on, setOn] = useMeaningParam();
  const text = useDebouncedValue(value.trim(), 300);
  const query = useChannelQuery(
    'traces.searchByMeaning',
    on && text ? { query: text.slice(0, 4000), limit: MEANING_LIMIT } : null,
    { retry: false },
  );
  const ids = on && text && query.data ? query.data.hits.map((h) => h.id) : null;
  const key = ids ? ids.join(',') : null;

  // Reported when the ids change only: a parent passing a new callback each render (and
  // setting state from it) must not loop.
  const report = useRef(onResults);
  useEffect(() => {
    report.current = onResults;
  });
  useEffect(() => {
    report.current(key === null ? null : key === '' ? [] : key.split(','));
  }, [key]);

  return (
    <div className="flex flex-col gap-1" data-testid="meaning-search">
      <Label className="whitespace-nowrap">
        <Checkbox
          checked={on}
          onCheckedChange={(checked) => setOn(checked === true)}
          data-testid="meaning-toggle"
        />
        by meaning
      </Label>
      {on && query.error ? <SemanticNotice error={query.error} /> : null}
    </div>
  );
}
