import { LoaderCircle } from 'lucide-react';
import type { SecretView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import type { FieldSpec } from './provider-specs';
import { SecretStatus } from './secret-status';

interface FieldRowProps {
  /** `<provider>-<field>`: the input's id and test id, and the prefix of its helpers' ids. */
  id: string;
  field: FieldSpec;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  /** Set for secret fields: what is saved now. */
  secret?: SecretView;
  onClear?: () => void;
  clearing?: boolean;
  disabled?: boolean;
}

export function FieldRow(props: FieldRowProps) {
  const { id, field, value, onChange, error, secret, onClear, clearing, disabled } = props;
  const isSecret = field.kind === 'secret';
  const placeholder =
    isSecret && secret?.set ? 'Leave empty to keep the saved value' : field.placeholder;
  // Only a stored secret can be cleared here; one from the environment is set outside Assay.
  const canClear = isSecret && secret?.source === 'stored' && onClear;
  const note = error ?? field.hint;

  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={id}>{field.label}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          data-testid={id}
          type={isSecret ? 'password' : 'text'}
          inputMode={field.kind === 'url' ? 'url' : undefined}
          autoComplete="off"
          spellCheck={false}
          className={isSecret || field.kind === 'url' ? 'font-mono text-[13px]' : undefined}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {canClear ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            data-testid={`${id}-clear`}
            disabled={disabled || clearing}
            onClick={onClear}
          >
            {clearing ? <LoaderCircle className="animate-spin" /> : null}
            Clear
          </Button>
        ) : null}
      </div>
      {secret ? <SecretStatus view={secret} testId={`${id}-status`} /> : null}
      {note ? (
        <p
          id={`${id}-note`}
          className={error ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}
          data-testid={error ? `${id}-error` : undefined}
        >
          {note}
        </p>
      ) : null}
    </div>
  );
}
