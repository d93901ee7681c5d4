import { Database, FileText, FlaskConical } from 'lucide-react';
import type { ReactNode } from 'react';
import { CommandGroup, CommandItem } from '../components/ui/command';
import { useChannelQuery } from '../query/channel-query';
import { paletteHref } from './palette-routes';

/** How many runs the palette offers: the newest, as `evals.list` orders them. */
const RUN_LIMIT = 50;

interface Hit {
  readonly key: string;
  readonly label: string;
  readonly detail?: string;
  readonly href: string;
}

function HitGroup(props: {
  heading: string;
  kind: string;
  icon: ReactNode;
  hits: readonly Hit[];
  onOpen: (href: string) => void;
}) {
  if (props.hits.length === 0) return null;
  return (
    <CommandGroup heading={props.heading}>
      {props.hits.map((hit) => (
        <CommandItem
          key={hit.key}
          // cmdk filters on the value: the kind and the name, unique per item.
          value={`${props.kind} ${hit.label} ${hit.key}`}
          data-testid={`command-${props.kind}-${hit.label}`}
          onSelect={() => props.onOpen(hit.href)}
        >
          {props.icon}
          <span className="truncate">{hit.label}</span>
          {hit.detail ? (
            <span className="ml-auto shrink-0 text-[11px] text-muted-foreground">{hit.detail}</span>
          ) : null}
        </CommandItem>
      ))}
    </CommandGroup>
  );
}

/**
 * Prompts, datasets and runs by name. Asked only while the palette is open (cached after), so a
 * closed palette costs nothing; cmdk filters them with the commands as the user types.
 */
export function PaletteSearch({ open, onOpen }: { open: boolean; onOpen: (href: string) => void }) {
  const prompts = useChannelQuery('prompts.list', open ? {} : null).data?.prompts ?? [];
  const datasets = useChannelQuery('datasets.list', open ? {} : null).data?.datasets ?? [];
  const runs = useChannelQuery('evals.list', open ? { limit: RUN_LIMIT } : null).data?.runs ?? [];
  return (
    <>
      <HitGroup
        heading="Prompts"
        kind="prompt"
        icon={<FileText />}
        onOpen={onOpen}
        hits={prompts.map((p) => ({
          key: p.id,
          label: p.name,
          detail: p.latestVersion,
          href: paletteHref.prompt(p.name),
        }))}
      />
      <HitGroup
        heading="Datasets"
        kind="dataset"
        icon={<Database />}
        onOpen={onOpen}
        hits={datasets.map((d) => ({
          key: d.id,
          label: d.name,
          href: paletteHref.dataset(d.name),
        }))}
      />
      <HitGroup
        heading="Runs"
        kind="run"
        icon={<FlaskConical />}
        onOpen={onOpen}
        hits={runs.map((r) => ({
          key: r.id,
          label: r.name,
          detail: r.status,
          href: paletteHref.run(r.id),
        }))}
      />
    </>
  );
}
