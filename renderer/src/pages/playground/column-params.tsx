import { RotateCcw, SlidersHorizontal } from 'lucide-react';
import type { ReactNode } from 'react';
import type { PromptConfig } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '../../components/ui/popover';
import { cn } from '../../lib/utils';
import { PARAM_NAMES, type ParamName } from './column-storage';
import type { ColumnPatch } from './use-columns';
import type { ColumnConfig, PlaygroundTarget } from './types';

interface ParamSpec {
  readonly label: string;
  readonly short: string;
  readonly testId: string;
  readonly min: number;
  readonly max?: number;
  readonly step: number;
  readonly valid: (value: number) => boolean;
}

const SPECS: Record<ParamName, ParamSpec> = {
  temperature: {
    label: 'Temperature',
    short: 'temp',
    testId: 'temperature',
    min: 0,
    max: 2,
    step: 0.1,
    valid: (v) => v >= 0 && v <= 2,
  },
  maxTokens: {
    label: 'Max tokens',
    short: 'max',
    testId: 'max-tokens',
    min: 1,
    step: 1,
    valid: (v) => Number.isInteger(v) && v >= 1,
  },
  topP: {
    label: 'Top p',
    short: 'top p',
    testId: 'top-p',
    min: 0,
    max: 1,
    step: 0.05,
    valid: (v) => v >= 0 && v <= 1,
  },
};

/** Where a parameter's value comes from: the column, the linked version's config, or neither. */
export type ParamOrigin = 'override' | 'prompt' | 'default';

export interface ParamValue {
  readonly name: ParamName;
  readonly value: number | undefined;
  readonly origin: ParamOrigin;
}

export function paramsOf(column: PlaygroundTarget, config: PromptConfig | undefined): ParamValue[] {
  return PARAM_NAMES.map((name) => {
    const own = column[name];
    if (own !== undefined) return { name, value: own, origin: 'override' };
    const inherited = config?.[name];
    return inherited !== undefined
      ? { name, value: inherited, origin: 'prompt' }
      : { name, value: undefined, origin: 'default' };
  });
}

/** "From the prompt: temperature. Overridden here: max tokens." for the summary's tooltip. */
function originsOf(params: readonly ParamValue[]): string {
  const named = (origin: ParamOrigin) =>
    params.filter((p) => p.origin === origin).map((p) => SPECS[p.name].label.toLowerCase());
  const parts = [
    [named('prompt'), 'From the prompt'],
    [named('override'), 'Overridden here'],
    [named('default'), 'Provider default'],
  ] as const;
  return parts
    .flatMap(([names, label]) => (names.length > 0 ? [`${label}: ${names.join(', ')}.`] : []))
    .join(' ');
}

/** `temp 0.3 · max 256*`: the values sent, an asterisk on the column's own overrides. */
export function summaryOf(column: PlaygroundTarget, config?: PromptConfig): string {
  const parts = paramsOf(column, config).flatMap(({ name, value, origin }) =>
    value === undefined
      ? []
      : [`${SPECS[name].short} ${value}${origin === 'override' && config ? '*' : ''}`],
  );
  return parts.length > 0 ? parts.join(' · ') : 'provider defaults';
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const ORIGIN_TEXT: Record<ParamOrigin, string> = {
  override: 'override',
  prompt: 'from prompt',
  default: 'provider default',
};

function ParamRow(props: {
  index: number;
  param: ParamValue;
  inherited: number | undefined;
  disabled: boolean;
  onChange: (patch: ColumnPatch) => void;
}) {
  const { index, param, inherited, disabled, onChange } = props;
  const spec = SPECS[param.name];
  const id = `column-${spec.testId}-${index}`;
  const own = param.origin === 'override' ? param.value : undefined;
  const bad = own !== undefined && !spec.valid(own);
  return (
    <div className="grid grid-cols-[6rem_minmax(0,1fr)_8rem] items-center gap-2">
      <Label htmlFor={id} className="text-[11px]">
        {spec.label}
      </Label>
      <Input
        id={id}
        data-testid={id}
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        // Empty follows the prompt: its value shows as the placeholder.
        placeholder={inherited !== undefined ? String(inherited) : 'default'}
        className="h-7 font-mono text-xs"
        disabled={disabled}
        aria-invalid={bad || undefined}
        value={own ?? ''}
        onChange={(e) => onChange({ [param.name]: parseNumber(e.target.value) })}
      />
      <span className="flex items-center gap-1">
        <Badge
          variant={param.origin === 'override' ? 'default' : 'outline'}
          className="text-[10px]"
          data-testid={`column-param-origin-${spec.testId}-${index}`}
          data-origin={param.origin}
        >
          {ORIGIN_TEXT[param.origin]}
        </Badge>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className={cn('size-6 text-muted-foreground', own === undefined && 'invisible')}
          aria-label={`Reset ${spec.label.toLowerCase()} to the prompt's value`}
          data-testid={`column-param-reset-${spec.testId}-${index}`}
          disabled={disabled || own === undefined}
          onClick={() => onChange({ [param.name]: undefined })}
        >
          <RotateCcw className="size-3" />
        </Button>
      </span>
    </div>
  );
}

interface ColumnParamsProps {
  index: number;
  /** Shown at the right of the parameters row (the column's run controls). */
  trailing: ReactNode;
  column: ColumnConfig;
  /** The linked version's saved config; undefined for Scratch. */
  config: PromptConfig | undefined;
  disabled: boolean;
  onChange: (patch: ColumnPatch) => void;
}

/**
 * The sampling parameters the column sends: the linked version's config unless the column
 * overrides a value. The summary says which is which; each override resets to the prompt's.
 */
export function ColumnParams(props: ColumnParamsProps) {
  const { index, trailing, column, config, disabled, onChange } = props;
  const params = paramsOf(column, config);
  const overrides = params.filter((p) => p.origin === 'override' && config).length;
  return (
    <div className="flex min-h-6 items-center gap-1.5">
      <Popover>
        <PopoverTrigger asChild>
          <Button
            variant="ghost"
            size="xs"
            className="min-w-0 px-1 text-[11px] font-normal text-muted-foreground"
            data-testid={`column-params-toggle-${index}`}
            title={originsOf(params)}
          >
            <SlidersHorizontal className="size-3" />
            <span className="truncate font-mono" data-testid={`column-params-summary-${index}`}>
              {summaryOf(column, config)}
            </span>
          </Button>
        </PopoverTrigger>
        <PopoverContent
          align="start"
          className="flex w-96 flex-col gap-2"
          data-testid={`column-params-${index}`}
        >
          <p className="text-[11px] text-muted-foreground">
            {config
              ? `Empty fields follow the prompt's saved config${overrides > 0 ? `; ${overrides} overridden here` : ''}.`
              : 'Empty fields use the provider default.'}
          </p>
          {params.map((param) => (
            <ParamRow
              key={param.name}
              index={index}
              param={param}
              inherited={config?.[param.name]}
              disabled={disabled}
              onChange={onChange}
            />
          ))}
        </PopoverContent>
      </Popover>
      <span className="flex-1" />
      {trailing}
    </div>
  );
}
