import { LoaderCircle } from 'lucide-react';
import type { SecretView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
} from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import type { FieldSpec } from './provider-specs';
import { SecretStatus } from './secret-status';

interface ProviderFieldProps {
  /** `<provider>-<field>`: the input's test id, and the prefix of its helpers' ids. */
  id: string;
  field: FieldSpec;
  /** Set for secret fields: what is saved now. */
  secret?: SecretView;
  onClear?: () => void;
  clearing?: boolean;
  disabled?: boolean;
}

/**
 * One provider setting on the kit's form parts (label, control, hint, error once): a secret
 * also shows what is saved and, when it is stored here, a Clear button beside the input, which
 * is why this is composed from the parts rather than the one-control Field.
 */
export function ProviderField({
  id,
  field,
  secret,
  onClear,
  clearing,
  disabled,
}: ProviderFieldProps) {
  const isSecret = field.kind === 'secret';
  const placeholder =
    isSecret && secret?.set ? 'Leave empty to keep the saved value' : field.placeholder;
  // Only a stored secret can be cleared here; one from the environment is set outside Assay.
  const canClear = isSecret && secret?.source === 'stored' && onClear;
  return (
    <FormField
      name={field.name}
      render={({ field: control }) => (
        <FormItem className="min-w-0 content-start">
          <FormLabel>{field.label}</FormLabel>
          <div className="flex items-center gap-2">
            <FormControl>
              <Input
                {...control}
                data-testid={id}
                type={isSecret ? 'password' : 'text'}
                inputMode={field.kind === 'url' ? 'url' : undefined}
                autoComplete="off"
                spellCheck={false}
                className={isSecret || field.kind === 'url' ? 'font-mono text-[13px]' : undefined}
                placeholder={placeholder}
                disabled={disabled}
              />
            </FormControl>
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
          {field.hint ? <FormDescription>{field.hint}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
