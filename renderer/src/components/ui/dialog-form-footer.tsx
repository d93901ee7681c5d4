import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * The end of a dialog form: the form's error (announced to screen readers), then the Cancel /
 * submit row; the submit button spins while `busy`, and is off while `disabled` (something the
 * form shows still blocks it).
 */
export function DialogFormFooter({
  onCancel,
  busy,
  disabled = false,
  submitTestId,
  error,
  errorTestId,
  icon,
  children,
}: {
  onCancel: () => void;
  busy: boolean;
  disabled?: boolean;
  submitTestId: string;
  error?: string | null;
  errorTestId: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {error ? (
        <p className="text-xs text-destructive" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" data-testid={submitTestId} disabled={busy || disabled}>
          {busy ? <LoaderCircle className="animate-spin" /> : (icon ?? null)}
          {children}
        </Button>
      </div>
    </>
  );
}
