import { ChevronRight, Pencil, Rocket } from 'lucide-react';
import type { PromptVersionView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import { exactTime, relativeTime, shortHash } from './format';
import { LabelBadge, visibleLabels } from './label-badge';
import { ReadonlyContent } from './readonly-content';

interface VersionRowProps {
  version: PromptVersionView;
  open: boolean;
  onToggle: () => void;
  onEditFrom: () => void;
  onPromote: () => void;
  promoting: boolean;
  editing: boolean;
}

/** One saved version: who, when, why, its labels, and what can be done with it. */
export function VersionRow({ version: v, ...props }: VersionRowProps) {
  const production = v.labels.includes('production');
  return (
    <li data-testid={`version-row-${v.version}`} className="border-t first:border-t-0">
      <div className="flex items-center gap-3 px-3 py-2 text-xs">
        <button
          type="button"
          aria-expanded={props.open}
          data-testid={`open-version-${v.version}`}
          onClick={props.onToggle}
          className="flex w-16 shrink-0 items-center gap-1 font-mono font-semibold"
        >
          <ChevronRight
            className={cn('size-3.5 transition-transform', props.open && 'rotate-90')}
          />
          {v.version}
        </button>
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="truncate" title={v.message}>
            {v.message || <span className="text-muted-foreground italic">no message</span>}
          </span>
          <span className="flex flex-wrap items-center gap-x-2 text-[11px] text-muted-foreground">
            <span>{v.author}</span>
            <span title={exactTime(v.createdAt)}>{relativeTime(v.createdAt)}</span>
            <span className="font-mono" title={v.contentHash}>
              {shortHash(v.contentHash)}
            </span>
            {props.editing ? <span className="text-foreground">· in editor</span> : null}
          </span>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-1">
          {visibleLabels(v.labels).map((label) => (
            <LabelBadge key={label} label={label} />
          ))}
        </div>
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            size="xs"
            data-testid={`edit-from-${v.version}`}
            onClick={props.onEditFrom}
          >
            <Pencil />
            Edit from
          </Button>
          <Button
            variant="outline"
            size="xs"
            data-testid={`promote-${v.version}`}
            disabled={production || props.promoting}
            title={production ? 'Already production' : `Point production at ${v.version}`}
            onClick={props.onPromote}
          >
            <Rocket />
            Set production
          </Button>
        </div>
      </div>
      {props.open ? (
        <div className="px-3 pb-3" data-testid={`version-content-${v.version}`}>
          <ReadonlyContent content={v.content} />
        </div>
      ) : null}
    </li>
  );
}
