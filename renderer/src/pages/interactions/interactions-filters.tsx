import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { EMPTY_QUERY, goTo, interactionsHref, type InteractionsQuery } from './interactions-route';

interface Draft {
  type: string;
  user: string;
  session: string;
  tags: string;
  from: string;
  to: string;
}

const draftOf = (q: InteractionsQuery): Draft => ({
  type: q.type ?? '',
  user: q.user ?? '',
  session: q.session ?? '',
  tags: q.tags.join(', '),
  from: q.from ?? '',
  to: q.to ?? '',
});

const FIELDS: readonly { key: keyof Draft; label: string; type?: string; placeholder?: string }[] =
  [
    { key: 'type', label: 'Type', placeholder: 'chat' },
    { key: 'user', label: 'User' },
    { key: 'session', label: 'Session' },
    { key: 'tags', label: 'Tags', placeholder: 'a, b' },
    { key: 'from', label: 'From', type: 'date' },
    { key: 'to', label: 'To', type: 'date' },
  ];

/**
 * The list's filters. They live in the address: Apply writes them there and the list reads
 * them back, so a filtered list is a link. Mount with a key of the query so a link resets it.
 */
export function InteractionsFilters({ query }: { query: InteractionsQuery }) {
  const [draft, setDraft] = useState(() => draftOf(query));
  const apply = () => {
    const text = (v: string) => v.trim() || null;
    goTo(
      interactionsHref.list({
        type: text(draft.type),
        user: text(draft.user),
        session: text(draft.session),
        tags: draft.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        from: text(draft.from),
        to: text(draft.to),
        offset: 0,
      }),
    );
  };
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="interactions-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {FIELDS.map((field) => (
        <div key={field.key} className="grid gap-1">
          <Label htmlFor={`interactions-filter-${field.key}`} className="text-xs">
            {field.label}
          </Label>
          <Input
            id={`interactions-filter-${field.key}`}
            data-testid={`interactions-filter-${field.key}`}
            className="h-8 w-36"
            type={field.type ?? 'text'}
            placeholder={field.placeholder}
            value={draft[field.key]}
            onChange={(e) => setDraft({ ...draft, [field.key]: e.target.value })}
          />
        </div>
      ))}
      <Button type="submit" size="sm" data-testid="interactions-filter-apply">
        Apply
      </Button>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        data-testid="interactions-filter-clear"
        onClick={() => goTo(interactionsHref.list(EMPTY_QUERY))}
      >
        Clear
      </Button>
    </form>
  );
}
