import { ArrowRight, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { PromptVersionView } from '../../../../shared/contract';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { DiffSectionView, type DiffMode } from './diff-section';
import { usePromptDiff } from './use-prompt-diff';

interface DiffTabProps {
  name: string;
  /** Newest first. */
  versions: readonly PromptVersionView[];
  /** The compared versions from the address; null picks the two newest. */
  from: string | null;
  to: string | null;
  onChange: (from: string, to: string) => void;
}

const MODES = [
  { value: 'split', label: 'Side by side', testId: 'diff-mode-split' },
  { value: 'inline', label: 'Inline', testId: 'diff-mode-inline' },
] as const;

function VersionSelect(props: {
  testId: string;
  label: string;
  value: string;
  versions: readonly PromptVersionView[];
  onChange: (version: string) => void;
}) {
  return (
    <Select value={props.value} onValueChange={props.onChange}>
      <SelectTrigger
        aria-label={props.label}
        data-testid={props.testId}
        className="h-7 w-28 font-mono text-xs"
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {props.versions.map((v) => (
          <SelectItem key={v.id} value={v.version} className="font-mono text-xs">
            {v.version}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

const known = (versions: readonly PromptVersionView[], version: string | null) =>
  version !== null && versions.some((v) => v.version === version) ? version : null;

/** Word-level differences between two versions, section by section. */
export function DiffTab({ name, versions, onChange, ...picked }: DiffTabProps) {
  // A version the address names but the prompt lacks (a stale link) falls back to the newest.
  const from = known(versions, picked.from) ?? versions[1]?.version ?? versions[0]?.version ?? '';
  const to = known(versions, picked.to) ?? versions[0]?.version ?? '';
  const [mode, setMode] = useState<DiffMode>('split');
  const { diff, error } = usePromptDiff(name, from, to);
  const changed = diff?.sections.filter((s) => s.change !== 'unchanged').length ?? 0;

  return (
    <div className="flex flex-col gap-3 p-4" data-testid="prompt-diff">
      <div className="flex flex-wrap items-center gap-2">
        <VersionSelect
          testId="diff-from"
          label="From version"
          value={from}
          versions={versions}
          onChange={(version) => onChange(version, to)}
        />
        <ArrowRight className="size-3.5 text-muted-foreground" />
        <VersionSelect
          testId="diff-to"
          label="To version"
          value={to}
          versions={versions}
          onChange={(version) => onChange(from, version)}
        />
        {diff ? (
          <span className="text-xs text-muted-foreground" data-testid="diff-summary">
            {changed === 0
              ? 'No differences'
              : `${changed} of ${diff.sections.length} sections differ`}
          </span>
        ) : null}
        <div className="ml-auto">
          <ToggleGroup
            type="single"
            aria-label="Diff layout"
            value={mode}
            onValueChange={(value) => value && setMode(value as DiffMode)}
          >
            {MODES.map((m) => (
              <ToggleGroupItem key={m.value} value={m.value} data-testid={m.testId}>
                {m.label}
              </ToggleGroupItem>
            ))}
          </ToggleGroup>
        </div>
      </div>
      {versions.length < 2 ? (
        <p className="text-xs text-muted-foreground">
          Only one version so far: save a change to compare versions.
        </p>
      ) : null}
      {/* A failed comparison toasts (once); here it only stops the spinner. */}
      {!diff && !error ? (
        <p className="flex items-center gap-2 text-xs text-muted-foreground">
          <LoaderCircle className="size-3.5 animate-spin" />
          Comparing…
        </p>
      ) : null}
      {diff ? (
        <>
          {mode === 'split' ? (
            <div className="grid grid-cols-2 px-3 font-mono text-[11px] text-muted-foreground">
              <span>{diff.from}</span>
              <span className="pl-3">{diff.to}</span>
            </div>
          ) : null}
          <ol className="flex flex-col gap-2">
            {diff.sections.map((section, index) => (
              <DiffSectionView
                key={`${from}-${to}-${index}`}
                section={section}
                index={index}
                mode={mode}
              />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
