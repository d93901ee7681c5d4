import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import type { ColumnPatch } from './use-columns';
import type { ColumnConfig } from './types';

interface ColumnParamsProps {
  index: number;
  /** Shown at the right of the toggle row (the column's run controls). */
  trailing: ReactNode;
  column: ColumnConfig;
  disabled: boolean;
  onChange: (patch: ColumnPatch) => void;
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function summaryOf(column: ColumnConfig): string {
  const parts = [
    column.temperature !== undefined ? `temp ${column.temperature}` : null,
    column.maxTokens !== undefined ? `max ${column.maxTokens}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'provider defaults';
}

/** Temperature and max tokens, folded away until asked for. */
export function ColumnParams({ index, trailing, column, disabled, onChange }: ColumnParamsProps) {
  const [open, setOpen] = useState(false);
  const { temperature, maxTokens } = column;
  const badTemperature = temperature !== undefined && (temperature < 0 || temperature > 2);
  const badMaxTokens = maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex min-h-6 items-center gap-1.5">
        <button
          type="button"
          className="flex items-center gap-1 text-[11px] text-muted-foreground hover:text-foreground"
          aria-expanded={open}
          data-testid={`column-params-toggle-${index}`}
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDown className="size-3" /> : <ChevronRight className="size-3" />}
          <span>Parameters</span>
          <span className="font-mono">{summaryOf(column)}</span>
        </button>
        <span className="flex-1" />
        {trailing}
      </div>
      {open ? (
        <div className="grid grid-cols-2 gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor={`column-temperature-${index}`} className="text-[11px]">
              Temperature
            </Label>
            <Input
              id={`column-temperature-${index}`}
              data-testid={`column-temperature-${index}`}
              type="number"
              min={0}
              max={2}
              step={0.1}
              placeholder="default"
              className="h-7 font-mono text-xs"
              disabled={disabled}
              aria-invalid={badTemperature || undefined}
              value={temperature ?? ''}
              onChange={(e) => onChange({ temperature: parseNumber(e.target.value) })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`column-max-tokens-${index}`} className="text-[11px]">
              Max tokens
            </Label>
            <Input
              id={`column-max-tokens-${index}`}
              data-testid={`column-max-tokens-${index}`}
              type="number"
              min={1}
              step={1}
              placeholder="default"
              className="h-7 font-mono text-xs"
              disabled={disabled}
              aria-invalid={badMaxTokens || undefined}
              value={maxTokens ?? ''}
              onChange={(e) => onChange({ maxTokens: parseNumber(e.target.value) })}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
