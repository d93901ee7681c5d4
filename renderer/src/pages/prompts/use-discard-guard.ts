import { useCallback, useEffect, useState } from 'react';

/**
 * Runs an action that would drop unsaved edits only after the user agrees; `pending` is the
 * action waiting for an answer (the page shows the confirmation while it is set).
 */
export function useDiscardGuard(dirty: boolean) {
  const [pending, setPending] = useState<(() => void) | null>(null);

  const guard = useCallback(
    (action: () => void) => {
      if (dirty) setPending(() => action);
      else action();
    },
    [dirty],
  );
  const cancel = useCallback(() => setPending(null), []);
  const confirm = useCallback(() => {
    setPending(null);
    pending?.();
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
      setPending(() => () => {
        window.location.hash = href.slice(1);
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
