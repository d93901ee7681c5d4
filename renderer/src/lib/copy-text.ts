import { toast } from 'sonner';

/** Copies text to the clipboard and says so. */
export function copyText(text: string, what: string): void {
  navigator.clipboard.writeText(text).then(
    () => toast.success(`${what} copied`, { description: text }),
    () => toast.error(`Could not copy the ${what.toLowerCase()} ${text}`),
  );
}
