import { LoaderCircle, Save, Tag, Trash2 } from 'lucide-react';
import type { PromptSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { LabelBadge, visibleLabels } from './label-badge';
import { KIND_LABELS } from './prompt-kinds';

interface EditorHeaderProps {
  summary: PromptSummary;
  /** The version the draft started from, and the newest one. */
  version: string;
  latestVersion: string;
  dirty: boolean;
  saving: boolean;
  message: string;
  onMessageChange: (message: string) => void;
  major: boolean;
  onMajorChange: (major: boolean) => void;
  onSave: () => void;
  onSetLabel: () => void;
  onDelete: () => void;
  deleting: boolean;
}

const SAVE_KEY = navigator.platform.toLowerCase().includes('mac') ? '⌘S' : 'Ctrl+S';

export function EditorHeader(props: EditorHeaderProps) {
  const { summary, version, latestVersion, dirty } = props;
  const labels = visibleLabels(Object.keys(summary.labels));
  return (
    <header className="flex flex-col gap-2 border-b px-4 py-3">
      <div className="flex min-w-0 items-center gap-2">
        <h2 className="truncate font-mono text-sm font-semibold" title={summary.name}>
          {summary.name}
        </h2>
        <Badge variant="outline">{KIND_LABELS[summary.kind]}</Badge>
        <Badge variant="secondary" className="font-mono" data-testid="prompt-version">
          {version}
        </Badge>
        {version !== latestVersion ? (
          <span className="text-[11px] text-muted-foreground" data-testid="editing-from-note">
            {`editing from ${version} · latest is ${latestVersion}`}
          </span>
        ) : null}
        {labels.map((label) => (
          <LabelBadge key={label} label={label} version={summary.labels[label]} />
        ))}
        {dirty ? (
          <span
            className="flex items-center gap-1 text-[11px] font-medium text-amber-600 dark:text-amber-400"
            data-testid="unsaved-indicator"
          >
            <span className="size-1.5 rounded-full bg-current" />
            Unsaved changes
          </span>
        ) : null}
        <div className="ml-auto flex shrink-0 gap-1">
          <Button variant="outline" size="xs" data-testid="set-label" onClick={props.onSetLabel}>
            <Tag />
            Set label
          </Button>
          <Button
            variant="ghost"
            size="xs"
            className="hover:text-destructive"
            data-testid="delete-prompt"
            disabled={props.deleting}
            onClick={props.onDelete}
          >
            {props.deleting ? <LoaderCircle className="animate-spin" /> : <Trash2 />}
            Delete
          </Button>
        </div>
      </div>
      {summary.description || summary.tags.length > 0 ? (
        <p className="truncate text-xs text-muted-foreground">
          {summary.description}
          {summary.tags.map((tag) => (
            <span key={tag} className="ml-2">
              #{tag}
            </span>
          ))}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <Input
          aria-label="Commit message"
          data-testid="save-message"
          className="h-7 flex-1 text-xs"
          placeholder="What changed? (optional commit message)"
          value={props.message}
          onChange={(event) => props.onMessageChange(event.target.value)}
        />
        <label className="flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground select-none">
          <input
            type="checkbox"
            data-testid="save-major"
            className="size-3.5 accent-foreground"
            checked={props.major}
            onChange={(event) => props.onMajorChange(event.target.checked)}
          />
          New major version
        </label>
        <Button
          size="xs"
          data-testid="save-prompt"
          disabled={props.saving}
          title={`Save as a new version (${SAVE_KEY})`}
          onClick={props.onSave}
        >
          {props.saving ? <LoaderCircle className="animate-spin" /> : <Save />}
          Save
          <kbd className="ml-1 font-sans text-[10px] opacity-60">{SAVE_KEY}</kbd>
        </Button>
      </div>
    </header>
  );
}
