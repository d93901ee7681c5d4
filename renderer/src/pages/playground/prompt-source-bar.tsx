import { LoaderCircle, Save } from 'lucide-react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { NativeSelect } from '../../components/ui/native-select';
import type { PromptSource } from './types';

interface PromptSourceBarProps {
  prompts: readonly PromptSummary[] | null;
  source: PromptSource | null;
  loading: string | null;
  edited: boolean;
  saving: boolean;
  onSelectPrompt: (name: string | null) => void;
  onSelectVersion: (version: string) => void;
  onSave: () => void;
}

function versionLabel(v: PromptVersionView, latest: string): string {
  const tags = [
    ...v.labels.filter((l) => l !== 'latest'),
    ...(v.version === latest ? ['latest'] : []),
  ];
  return tags.length > 0 ? `${v.version} · ${tags.join(', ')}` : v.version;
}

function PromptOptions({ prompts }: { prompts: readonly PromptSummary[] }) {
  const runnable = prompts.filter((p) => p.kind === 'chat' || p.kind === 'text');
  const components = prompts.filter((p) => p.kind === 'system' || p.kind === 'user');
  const option = (p: PromptSummary) => (
    <option key={p.name} value={p.name}>
      {`${p.name} (${p.kind})`}
    </option>
  );
  return (
    <>
      {runnable.length > 0 ? (
        <optgroup label="Chat and text prompts">{runnable.map(option)}</optgroup>
      ) : null}
      {components.length > 0 ? (
        <optgroup label="Components">{components.map(option)}</optgroup>
      ) : null}
    </>
  );
}

/** Where the messages come from: a saved prompt at a version, or Scratch. */
export function PromptSourceBar(props: PromptSourceBarProps) {
  const { prompts, source, loading, edited, saving } = props;
  // A prompt named in a link is shown as selected while it loads, even before the list arrives.
  const selected = loading ?? source?.summary.name ?? '';
  const known = prompts?.some((p) => p.name === selected) ?? false;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <NativeSelect
        aria-label="Prompt"
        data-testid="playground-prompt-select"
        className="h-7 w-64 text-xs"
        value={selected}
        onChange={(e) => props.onSelectPrompt(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">Scratch (unsaved messages)</option>
        {selected !== '' && !known ? <option value={selected}>{selected}</option> : null}
        {prompts ? <PromptOptions prompts={prompts} /> : null}
      </NativeSelect>
      <NativeSelect
        aria-label="Version"
        data-testid="playground-version-select"
        className="h-7 w-48 font-mono text-xs"
        disabled={!source || loading !== null}
        value={source?.version.version ?? ''}
        onChange={(e) => props.onSelectVersion(e.target.value)}
      >
        {source ? (
          source.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {versionLabel(v, source.summary.latestVersion)}
            </option>
          ))
        ) : (
          <option value="">—</option>
        )}
      </NativeSelect>
      {loading !== null ? (
        <LoaderCircle className="size-3.5 animate-spin text-muted-foreground" />
      ) : null}
      {source ? <Badge variant="outline">{source.summary.kind}</Badge> : null}
      {source && edited ? (
        <Badge variant="secondary" data-testid="playground-edited">
          {`edited from ${source.version.version}`}
        </Badge>
      ) : null}
      {source && edited ? (
        <Button
          size="xs"
          variant="outline"
          className="ml-auto"
          data-testid="playground-save-version"
          disabled={saving}
          onClick={props.onSave}
        >
          {saving ? <LoaderCircle className="animate-spin" /> : <Save />}
          Save as new version
        </Button>
      ) : null}
    </div>
  );
}
