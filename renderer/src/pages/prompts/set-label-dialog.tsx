import { LoaderCircle } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { labelNameSchema } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { cn } from '../../lib/utils';

interface SetLabelDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  summary: PromptSummary;
  versions: readonly PromptVersionView[];
  defaultVersion: string;
  onApply: (label: string, version: string) => Promise<boolean>;
  applying: boolean;
}

/** Points a label (production, staging, …) at a version: a promotion or a rollback. */
export function SetLabelDialog(props: SetLabelDialogProps) {
  const { summary, versions } = props;
  const [label, setLabel] = useState('production');
  const [version, setVersion] = useState(props.defaultVersion);
  const check = labelNameSchema.safeParse(label);
  const error = label && !check.success ? check.error.issues[0]?.message : undefined;
  const known = [...new Set(['production', 'staging', ...Object.keys(summary.labels)])].filter(
    (l) => l !== 'latest',
  );
  const current = summary.labels[label.trim()];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check.success) return;
    if (await props.onApply(check.data, version)) props.onOpenChange(false);
  };

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent data-testid="set-label-dialog" className="max-w-sm">
        <DialogTitle>Set label</DialogTitle>
        <DialogDescription>
          Applications fetch a prompt by label; moving the label is a release or a rollback.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="label-input">Label</Label>
            <Input
              id="label-input"
              data-testid="label-input"
              className="font-mono text-[13px]"
              spellCheck={false}
              autoComplete="off"
              value={label}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setLabel(e.target.value)}
            />
            <div className="flex flex-wrap gap-1">
              {known.map((name) => (
                <button
                  key={name}
                  type="button"
                  data-testid={`label-pick-${name}`}
                  onClick={() => setLabel(name)}
                  className={cn(
                    'rounded-full border px-2 py-px font-mono text-[11px] text-muted-foreground hover:text-foreground',
                    name === label && 'border-foreground/40 bg-accent text-foreground',
                  )}
                >
                  {name}
                </button>
              ))}
            </div>
            <p className={error ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}>
              {error ?? (current ? `Now on ${current}.` : 'Not set on this prompt yet.')}
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="label-version">Version</Label>
            <NativeSelect
              id="label-version"
              data-testid="label-version"
              className="font-mono"
              value={version}
              onChange={(e) => setVersion(e.target.value)}
            >
              {versions.map((v) => (
                <option key={v.id} value={v.version}>
                  {`${v.version}${v.message ? ` — ${v.message}` : ''}`}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex justify-end gap-2 pt-1">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => props.onOpenChange(false)}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              size="sm"
              data-testid="apply-label"
              disabled={props.applying || !check.success}
            >
              {props.applying ? <LoaderCircle className="animate-spin" /> : null}
              Apply
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
