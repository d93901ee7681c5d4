import { useCallback, useEffect, useRef, useState } from 'react';

interface Pending {
  readonly action: () => void;
  readonly onCancel?: () => void;
}

/**
 * Runs an action that would drop unsaved edits only after the user agrees; `pending` is the
 * action waiting for an answer (the page shows the confirmation while it is set). `onCancel`
 * undoes what already happened (Back already moved the address).
 */
export function useDiscardGuard(dirty: boolean) {
  // A ref, not state: the dialog's action also closes it, and only the first answer counts.
  const pending = useRef<Pending | null>(null);
  const [asking, setAsking] = useState(false);
  const ask = useCallback((next: Pending) => {
    pending.current = next;
    setAsking(true);
  }, []);
  const take = useCallback(() => {
    const answered = pending.current;
    pending.current = null;
    setAsking(false);
    return answered;
  }, []);

  const guard = useCallback(
    (action: () => void, onCancel?: () => void) => {
      if (dirty) ask({ action, onCancel });
      else action();
    },
    [dirty, ask],
  );
  const cancel = useCallback(() => take()?.onCancel?.(), [take]);
  const confirm = useCallback(() => take()?.action(), [take]);

  // Leaving the page by a link (the sidebar), reloading or closing the window asks too.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      const href = link?.getAttribute('href');
      if (!href || href.startsWith('#/prompts')) return;
      // Capture phase, before the router's own handler sees the click.
      event.preventDefault();
      event.stopPropagation();
      ask({
        action: () => {
          window.location.hash = href.slice(1);
        },
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, ask]);

  return { guard, asking, cancel, confirm };
}
