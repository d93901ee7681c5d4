import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Input } from '../../components/ui/input';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** How long the typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The full-text search box: what is typed reaches the URL (and so the query) once the typing
 * pauses; a search changed from elsewhere (Back, a link) shows in the box.
 */
export function TraceSearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (q: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const settled = useDebouncedValue(draft, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (settled !== value && settled === draft) onSearch(settled);
    // Only a settled draft searches; a new `value` from the URL resets the draft above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <div className="relative w-72">
      <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search inputs and outputs"
        placeholder='Search inputs and outputs ("a phrase", words)'
        className="h-8 pl-7 text-xs"
        data-testid="traces-search"
        value={draft}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
      />
    </div>
  );
}
