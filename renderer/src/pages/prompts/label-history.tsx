import { LoaderCircle } from 'lucide-react';
import { exactTime, relativeTime } from './format';
import { LabelBadge } from './label-badge';
import type { LabelEvent } from './use-label-history';

/** Every label move: which label, from which version to which, by whom and when. */
export function LabelHistoryList({ events }: { events: LabelEvent[] | null }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold">Label history</h3>
      <ul className="flex flex-col rounded-md border bg-card text-xs" data-testid="label-history">
        {events === null ? (
          <li className="flex items-center gap-2 px-3 py-2 text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" />
            Loading…
          </li>
        ) : events.length === 0 ? (
          <li className="px-3 py-2 text-muted-foreground">No label moves yet.</li>
        ) : (
          events.map((event, index) => (
            <li
              key={`${event.at}-${index}`}
              className="flex items-center gap-2 border-t px-3 py-1.5 first:border-t-0"
              data-testid="label-event"
            >
              <LabelBadge label={event.label} />
              <span className="font-mono">
                {event.fromVersion
                  ? `${event.fromVersion} → ${event.toVersion}`
                  : `→ ${event.toVersion}`}
              </span>
              <span className="ml-auto text-[11px] text-muted-foreground">
                {event.actor} · <span title={exactTime(event.at)}>{relativeTime(event.at)}</span>
              </span>
            </li>
          ))
        )}
      </ul>
    </section>
  );
}
