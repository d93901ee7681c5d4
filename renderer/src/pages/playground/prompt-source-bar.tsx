import { FilePlus2, LoaderCircle, Save } from 'lucide-react';
import { useState } from 'react';
import type { PromptMessage, PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { SavePromptDialog } from './save-prompt-dialog';
import { SaveVersionDialog } from './save-version-dialog';
import type { PromptSource } from './types';

interface PromptSourceBarProps {
  prompts: readonly PromptSummary[] | null;
  source: PromptSource | null;
  loading: string | null;
  edited: boolean;
  messages: readonly PromptMessage[];
  onSelectPrompt: (name: string | null) => void;
  onSelectVersion: (version: string) => void;
  /** A version saved, or a prompt created, from the draft: the playground links to it. */
  onSaved: (name: string, version: PromptVersionView) => void;
}

/** Radix Select items need a non-empty value. */
const SCRATCH = '__scratch__';

function versionLabel(v: PromptVersionView, latest: string): string {
  const tags = [
    ...v.labels.filter((l) => l !== 'latest'),
    ...(v.version === latest ? ['latest'] : []),
  ];
  return tags.length > 0 ? `${v.version} · ${tags.join(', ')}` : v.version;
}

function PromptGroup({ label, prompts }: { label: string; prompts: readonly PromptSummary[] }) {
  if (prompts.length === 0) return null;
  return (
    <SelectGroup>
      <SelectLabel>{label}</SelectLabel>
      {prompts.map((p) => (
        <SelectItem key={p.name} value={p.name} data-testid={`playground-prompt-option-${p.name}`}>
          {`${p.name} (${p.kind})`}
        </SelectItem>
      ))}
    </SelectGroup>
  );
}

function PromptPicker({
  prompts,
  selected,
  onSelect,
}: {
  prompts: readonly PromptSummary[] | null;
  selected: string;
  onSelect: (name: string | null) => void;
}) {
  const known = prompts?.some((p) => p.name === selected) ?? false;
  const list = prompts ?? [];
  return (
    <Select
      value={selected === '' ? SCRATCH : selected}
      onValueChange={(value) => onSelect(value === SCRATCH ? null : value)}
    >
      <SelectTrigger
        aria-label="Prompt"
        data-testid="playground-prompt-select"
        className="h-7 w-64 text-xs"
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={SCRATCH} data-testid="playground-prompt-option-scratch">
          Scratch (unsaved messages)
        </SelectItem>
        {/* A prompt named in a link shows while the list loads (or if it is not listed). */}
        {selected !== '' && !known ? <SelectItem value={selected}>{selected}</SelectItem> : null}
        {list.length > 0 ? <SelectSeparator /> : null}
        <PromptGroup
          label="Chat and text prompts"
          prompts={list.filter((p) => p.kind === 'chat' || p.kind === 'text')}
        />
        <PromptGroup
          label="Components"
          prompts={list.filter((p) => p.kind === 'system' || p.kind === 'user')}
        />
      </SelectContent>
    </Select>
  );
}

/** Where the messages come from: a saved prompt at a version, or Scratch (which can be saved). */
export function PromptSourceBar(props: PromptSourceBarProps) {
  const { prompts, source, loading, edited, messages } = props;
  const [saving, setSaving] = useState<'version' | 'prompt' | null>(null);
  const selected = loading ?? source?.summary.name ?? '';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <PromptPicker prompts={prompts} selected={selected} onSelect={props.onSelectPrompt} />
      <Select
        disabled={!source || loading !== null}
        value={source?.version.version ?? ''}
        onValueChange={props.onSelectVersion}
      >
        <SelectTrigger
          aria-label="Version"
          data-testid="playground-version-select"
          className="h-7 w-48 font-mono text-xs"
        >
          <SelectValue placeholder="—" />
        </SelectTrigger>
        <SelectContent>
          {source?.versions.map((v) => (
            <SelectItem
              key={v.version}
              value={v.version}
              className="font-mono text-xs"
              data-testid={`playground-version-option-${v.version}`}
            >
              {versionLabel(v, source.summary.latestVersion)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
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
          onClick={() => setSaving('version')}
        >
          <Save />
          Save as new version
        </Button>
      ) : null}
      {!source && loading === null ? (
        <Button
          size="xs"
          variant="outline"
          className="ml-auto"
          data-testid="playground-save-prompt"
          onClick={() => setSaving('prompt')}
        >
          <FilePlus2 />
          Save as prompt
        </Button>
      ) : null}
      {source ? (
        <SaveVersionDialog
          open={saving === 'version'}
          onOpenChange={(open) => setSaving(open ? 'version' : null)}
          source={source}
          draft={messages}
          onSaved={(version) => props.onSaved(source.summary.name, version)}
        />
      ) : null}
      <SavePromptDialog
        open={saving === 'prompt'}
        onOpenChange={(open) => setSaving(open ? 'prompt' : null)}
        draft={messages}
        onCreated={props.onSaved}
      />
    </div>
  );
}
