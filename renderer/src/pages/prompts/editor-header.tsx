import { Link2, LoaderCircle, Save, Tag, Trash2 } from 'lucide-react';
import type { UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { PromptSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Field, Form, FormControl, FormField, FormItem, FormLabel } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { WithTooltip } from '../../components/ui/tooltip';
import { LabelBadge, visibleLabels } from './label-badge';
import { KIND_LABELS } from './prompt-kinds';
import { promptLink, type PromptView } from './prompt-route';
import type { saveFormSchema } from './save-form';
import { WriteGuard } from '../../auth/write-guard';

type SaveForm = UseFormReturn<
  z.input<typeof saveFormSchema>,
  unknown,
  z.output<typeof saveFormSchema>
>;

interface EditorHeaderProps {
  summary: PromptSummary;
  /** The version the draft started from, and the newest one. */
  version: string;
  latestVersion: string;
  dirty: boolean;
  saving: boolean;
  /** The commit message and "new major version" of the next save. */
  saveForm: SaveForm;
  onSave: () => void;
  /** What "Copy link" copies: this prompt with its version and tab. */
  link: Partial<PromptView>;
  onSetLabel: () => void;
  onDelete: () => void;
  deleting: boolean;
}

const SAVE_KEY = navigator.platform.toLowerCase().includes('mac') ? '⌘S' : 'Ctrl+S';

/** Copies the view's address; where the clipboard is refused, the toast shows the link. */
async function copyLink(view: Partial<PromptView>): Promise<void> {
  const link = promptLink(view);
  try {
    await navigator.clipboard.writeText(link);
    toast.success('Link copied', { description: link });
  } catch {
    toast.info('Copy this link', { description: link, duration: 15000 });
  }
}

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
          <WithTooltip content="Copy a link to this prompt, version and tab">
            <Button
              variant="ghost"
              size="xs"
              data-testid="copy-link"
              onClick={() => void copyLink(props.link)}
            >
              <Link2 />
              Copy link
            </Button>
          </WithTooltip>
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
      <Form {...props.saveForm}>
        <form
          noValidate
          className="flex items-start gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            props.onSave();
          }}
        >
          <Field<z.input<typeof saveFormSchema>, 'message'>
            name="message"
            label={<span className="sr-only">Commit message</span>}
            className="flex-1 gap-1"
            render={(field) => (
              <Input
                {...field}
                data-testid="save-message"
                className="h-7 text-xs"
                placeholder="What changed? (optional commit message)"
              />
            )}
          />
          <FormField<z.input<typeof saveFormSchema>, 'major'>
            name="major"
            render={({ field }) => (
              <FormItem className="flex h-7 shrink-0 items-center gap-1.5">
                <FormControl>
                  <Checkbox
                    data-testid="save-major"
                    checked={field.value}
                    onCheckedChange={(checked) => field.onChange(checked === true)}
                    onBlur={field.onBlur}
                  />
                </FormControl>
                <FormLabel className="text-xs font-normal text-muted-foreground">
                  New major version
                </FormLabel>
              </FormItem>
            )}
          />
          <WriteGuard what="prompts">
            {(blocked) => (
              <Button
                type="submit"
                size="xs"
                className="mt-px"
                data-testid="save-prompt"
                disabled={props.saving || blocked}
                title={blocked ? undefined : `Save as a new version (${SAVE_KEY})`}
              >
                {props.saving ? <LoaderCircle className="animate-spin" /> : <Save />}
                Save
                <kbd className="ml-1 font-sans text-[10px] opacity-60">{SAVE_KEY}</kbd>
              </Button>
            )}
          </WriteGuard>
        </form>
      </Form>
    </header>
  );
}
