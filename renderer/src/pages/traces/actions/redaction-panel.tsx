import { ShieldCheck } from 'lucide-react';
import type { RedactionPreview } from '../../../../../shared/contract/trace-actions';
import { Checkbox } from '../../../components/ui/checkbox';
import { Label } from '../../../components/ui/label';

const KIND_NAMES = {
  secret: 'configured key',
  'api-key': 'API key',
  email: 'email',
  phone: 'phone number',
  card: 'card number',
} as const;

/**
 * What will be saved, likely secrets and personal data masked, with the choice to keep the
 * masked or the original text.
 */
export function RedactionPanel({
  preview,
  masked,
  onMaskedChange,
}: {
  preview: RedactionPreview | null;
  masked: boolean;
  onMaskedChange: (masked: boolean) => void;
}) {
  const findings = preview?.findings ?? [];
  return (
    <div className="flex flex-col gap-2 rounded-md border p-2" data-testid="redaction-preview">
      <div className="flex items-center gap-2">
        <ShieldCheck className="size-4 text-muted-foreground" />
        <span className="text-sm font-medium">Redaction preview</span>
        <span className="ml-auto flex items-center gap-2">
          <Checkbox
            id="steal-mask"
            checked={masked}
            onCheckedChange={(v) => onMaskedChange(v === true)}
            data-testid="redaction-toggle"
          />
          <Label htmlFor="steal-mask" className="text-xs">
            Save masked
          </Label>
        </span>
      </div>
      {preview === null ? (
        <p className="text-xs text-muted-foreground">Checking…</p>
      ) : findings.length === 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="redaction-none">
          Nothing that looks like a secret or personal data.
        </p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-x-3 text-xs" data-testid="redaction-findings">
            {findings.map((f) => (
              <li key={`${f.field}:${f.kind}`}>
                <span className="font-mono">{f.field}</span>: {f.count} {KIND_NAMES[f.kind]}
                {f.count > 1 ? 's' : ''}
              </li>
            ))}
          </ul>
          <pre
            className="max-h-40 overflow-auto rounded bg-muted/40 px-2 py-1 font-mono text-xs whitespace-pre-wrap break-words"
            data-testid="redaction-masked"
          >
            {JSON.stringify(
              preview.expected === undefined
                ? { vars: preview.vars }
                : { vars: preview.vars, expected: preview.expected },
              null,
              2,
            )}
          </pre>
          <p className="text-xs text-muted-foreground">
            {masked
              ? 'The masked text above is what will be saved.'
              : 'The original text will be saved, unmasked.'}
          </p>
        </>
      )}
    </div>
  );
}
