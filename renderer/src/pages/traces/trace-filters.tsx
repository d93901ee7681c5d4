import { BarChart3, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { SPAN_SOURCES } from '../../../../shared/contract/traces';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { OptionSelect, type SelectOption } from '../../components/ui/option-select';
import { useChannelQuery } from '../../query/channel-query';
import { BacktestSetButton } from './backtest-link';
import { MoreFilters } from './more-filters';
import { MeaningSearchToggle } from './search/meaning-search';
import {
  activeFilterCount,
  DEFAULT_LIST_VIEW,
  TIME_RANGES,
  type TimeRange,
  type TraceListView,
} from './trace-route';
import { TraceSearchBox } from './trace-search-box';

type Change = (next: Partial<TraceListView>, options?: { replace?: boolean }) => void;

const RANGE_LABEL: Record<TimeRange, string> = {
  all: 'Any time',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom range',
};

/** Options of a picker: "any" first, then the values seen, plus the current one if unseen. */
function optionsOf(
  id: string,
  anyLabel: string,
  values: readonly string[],
  current: string | null,
): SelectOption<string>[] {
  const all = current && !values.includes(current) ? [...values, current] : values;
  return [
    { value: '', label: anyLabel, testId: `${id}-any` },
    ...all.map((v) => ({ value: v, label: v, testId: `${id}-${v}` })),
  ];
}

/** `datetime-local` text (local time, no zone) of an ISO time, and back. */
const localOf = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const isoOfLocal = (text: string) => {
  const t = Date.parse(text);
  return text && !Number.isNaN(t) ? new Date(t).toISOString() : null;
};

function Picker({ children }: { children: ReactNode }) {
  return <div className="flex items-center gap-1">{children}</div>;
}

/**
 * The list's filter bar: search, time range, source, provider, model, status, the typed filters,
 * and Clear. Every change goes to the URL (see trace-route), which the list reads.
 */
export function TraceFilters({
  view,
  onChange,
  onMeaningResults,
}: {
  view: TraceListView;
  onChange: Change;
  onMeaningResults: (traceIds: string[] | null) => void;
}) {
  const facets = useChannelQuery('traces.facets', {});
  const count = activeFilterCount(view);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="traces-filters">
      <TraceSearchBox value={view.q} onSearch={(q) => onChange({ q }, { replace: true })} />
      <MeaningSearchToggle value={view.q} onResults={onMeaningResults} />
      <Picker>
        <OptionSelect
          aria-label="Time range"
          data-testid="traces-range"
          className="h-8 w-36 text-xs"
          value={view.range}
          onValueChange={(range) =>
            onChange(
              range === 'custom'
                ? { range, from: view.from ?? new Date(Date.now() - 86_400_000).toISOString() }
                : { range, from: null, to: null },
            )
          }
          options={TIME_RANGES.map((r) => ({
            value: r,
            label: RANGE_LABEL[r],
            testId: `traces-range-${r}`,
          }))}
        />
        {view.range === 'custom' ? (
          <>
            <Input
              type="datetime-local"
              aria-label="From"
              data-testid="traces-from"
              className="h-8 w-44 text-xs"
              value={localOf(view.from)}
              onChange={(e) => onChange({ from: isoOfLocal(e.target.value) }, { replace: true })}
            />
            <Input
              type="datetime-local"
              aria-label="To"
              data-testid="traces-to"
              className="h-8 w-44 text-xs"
              value={localOf(view.to)}
              onChange={(e) => onChange({ to: isoOfLocal(e.target.value) }, { replace: true })}
            />
          </>
        ) : null}
      </Picker>
      <OptionSelect
        aria-label="Source"
        data-testid="traces-source"
        className="h-8 w-32 text-xs"
        value={view.source ?? ''}
        onValueChange={(source) => onChange({ source: source || null })}
        options={optionsOf('traces-source', 'Any source', SPAN_SOURCES, view.source)}
      />
      <OptionSelect
        aria-label="Provider"
        data-testid="traces-provider"
        className="h-8 w-36 text-xs"
        value={view.provider ?? ''}
        onValueChange={(provider) => onChange({ provider: provider || null })}
        options={optionsOf(
          'traces-provider',
          'Any provider',
          facets.data?.providers ?? [],
          view.provider,
        )}
      />
      <OptionSelect
        aria-label="Model"
        data-testid="traces-model"
        className="h-8 w-48 text-xs"
        value={view.model ?? ''}
        onValueChange={(model) => onChange({ model: model || null })}
        options={optionsOf('traces-model', 'Any model', facets.data?.models ?? [], view.model)}
      />
      <OptionSelect
        aria-label="Status"
        data-testid="traces-status"
        className="h-8 w-28 text-xs"
        value={view.status ?? ''}
        onValueChange={(status) => onChange({ status: status === '' ? null : status })}
        options={[
          { value: '', label: 'Any status', testId: 'traces-status-any' },
          { value: 'ok', label: 'ok', testId: 'traces-status-ok' },
          { value: 'error', label: 'error', testId: 'traces-status-error' },
        ]}
      />
      <MoreFilters view={view} onChange={onChange} />
      {count > 0 || view.q ? (
        <Button
          variant="ghost"
          size="sm"
          data-testid="traces-clear"
          onClick={() => onChange({ ...DEFAULT_LIST_VIEW, sort: view.sort, order: view.order })}
        >
          <X />
          {count > 0 ? `Clear (${count})` : 'Clear'}
        </Button>
      ) : null}
      <BacktestSetButton view={view} />
      <a
        href="#/traces/dashboard"
        className="ml-auto flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
        data-testid="traces-dashboard-link"
      >
        <BarChart3 className="size-3.5" />
        Cost dashboard
      </a>
    </div>
  );
}
