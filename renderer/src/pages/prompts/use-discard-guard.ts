import { useCallback, useEffect, useState } from 'react';

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
  const [pending, setPending] = useState<Pending | null>(null);

  const guard = useCallback(
    (action: () => void, onCancel?: () => void) => {
      if (dirty) setPending({ action, onCancel });
      else action();
    },
    [dirty],
  );
  const cancel = useCallback(() => {
    setPending(null);
    pending?.onCancel?.();
  }, [pending]);
  const confirm = useCallback(() => {
    setPending(null);
    pending?.action();
  }, [pending]);

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
      setPending({
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
  }, [dirty]);

  return { guard, asking: pending !== null, cancel, confirm };
}
