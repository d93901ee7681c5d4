import { ArrowRight, LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { PromptVersionView } from '../../../../shared/contract';
import { NativeSelect } from '../../components/ui/native-select';
import { Segmented } from '../../components/ui/segmented';
import { DiffSectionView, type DiffMode } from './diff-section';
import { usePromptDiff } from './use-prompt-diff';

interface DiffTabProps {
  name: string;
  /** Newest first. */
  versions: readonly PromptVersionView[];
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
    <NativeSelect
      aria-label={props.label}
      data-testid={props.testId}
      className="h-7 w-28 font-mono text-xs"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.versions.map((v) => (
        <option key={v.id} value={v.version}>
          {v.version}
        </option>
      ))}
    </NativeSelect>
  );
}

/** Word-level differences between two versions, section by section. */
export function DiffTab({ name, versions }: DiffTabProps) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? '');
  const [to, setTo] = useState(versions[0]?.version ?? '');
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
          onChange={setFrom}
        />
        <ArrowRight className="size-3.5 text-muted-foreground" />
        <VersionSelect
          testId="diff-to"
          label="To version"
          value={to}
          versions={versions}
          onChange={setTo}
        />
        {diff ? (
          <span className="text-xs text-muted-foreground" data-testid="diff-summary">
            {changed === 0
              ? 'No differences'
              : `${changed} of ${diff.sections.length} sections differ`}
          </span>
        ) : null}
        <div className="ml-auto">
          <Segmented label="Diff layout" value={mode} options={MODES} onChange={setMode} />
        </div>
      </div>
      {versions.length < 2 ? (
        <p className="text-xs text-muted-foreground">
          Only one version so far: save a change to compare versions.
        </p>
      ) : null}
      {error && !diff ? <p className="text-xs text-destructive">{error.toString()}</p> : null}
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
