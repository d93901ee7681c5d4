import { LoaderCircle } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import { InteractionDetail } from './interaction-detail';
import { InteractionsFilters } from './interactions-filters';
import {
  goTo,
  interactionFilter,
  interactionsHref,
  type InteractionsQuery,
} from './interactions-route';
import { InteractionsTable } from './interactions-table';

const PAGE_SIZE = 50;

/** How an app logs interactions, shown while there are none. */
function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-md border border-dashed p-6 text-sm" data-testid="interactions-empty">
      {filtered ? (
        'No interaction matches these filters.'
      ) : (
        <>
          <p className="font-medium">No interactions logged yet.</p>
          <p className="mt-1 text-muted-foreground">
            An app logs one with <code>POST /api/interactions.create</code> (type, input, output,
            session, user, tags) and feedback with <code>POST /api/interactions.feedback</code>.
          </p>
        </>
      )}
    </div>
  );
}

/** The interactions list, filtered and paged by the address, with the selected one beside it. */
export function InteractionsList({
  query,
  selected,
}: {
  query: InteractionsQuery;
  selected: string | null;
}) {
  const filter = interactionFilter(query);
  const list = useChannelQuery('interactions.list', {
    filter,
    offset: query.offset,
    limit: PAGE_SIZE,
  });
  const filtered = Object.keys(filter).length > 0;
  const page = (offset: number) => goTo(interactionsHref.list({ ...query, offset }));
  return (
    <div className="flex min-h-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col gap-4 px-8 py-5">
        <InteractionsFilters key={JSON.stringify(query)} query={query} />
        {list.error ? (
          <p className="text-sm text-destructive">{list.error.toString()}</p>
        ) : !list.data ? (
          <LoaderCircle className="size-4 animate-spin" />
        ) : list.data.items.length === 0 ? (
          <EmptyState filtered={filtered} />
        ) : (
          <>
            <InteractionsTable items={list.data.items} query={query} selected={selected} />
            <div className="flex items-center gap-2 text-xs text-muted-foreground">
              <span data-testid="interactions-range">
                {query.offset + 1}–{query.offset + list.data.items.length}
              </span>
              <Button
                variant="outline"
                size="xs"
                disabled={query.offset === 0}
                data-testid="interactions-prev"
                onClick={() => page(Math.max(0, query.offset - PAGE_SIZE))}
              >
                Previous
              </Button>
              <Button
                variant="outline"
                size="xs"
                disabled={list.data.nextOffset === null}
                data-testid="interactions-next"
                onClick={() => page(list.data.nextOffset ?? query.offset)}
              >
                Next
              </Button>
            </div>
          </>
        )}
      </div>
      {selected ? (
        <InteractionDetail id={selected} onClose={() => goTo(interactionsHref.list(query))} />
      ) : null}
    </div>
  );
}
