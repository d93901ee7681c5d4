import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';

/** The Cancel / submit row of a dialog form; the submit button spins while `busy`. */
export function DialogFormFooter({
  onCancel,
  busy,
  submitTestId,
  icon,
  children,
}: {
  onCancel: () => void;
  busy: boolean;
  submitTestId: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" size="sm" data-testid={submitTestId} disabled={busy}>
        {busy ? <LoaderCircle className="animate-spin" /> : (icon ?? null)}
        {children}
      </Button>
    </div>
  );
}
