import { useCallback, useEffect, useRef, useState } from 'react';
import { promptHref, promptViewOf, usePromptView, type PromptView } from './prompt-route';

type Guard = (action: () => void, onCancel?: () => void) => void;

/**
 * The view the page shows, which follows the address except when the address moves to another
 * prompt (Back, Forward, an edited address) while the editor holds unsaved edits: then the
 * user is asked first, and "keep editing" puts the address back. `go` opens another prompt
 * from within the page, asking before it moves.
 */
export function useGuardedView(dirty: boolean, guard: Guard) {
  const { view, open, adjust } = usePromptView();
  const href = promptHref(view);
  const [shownHref, setShownHref] = useState(href);
  /** An address the page itself moved to, once the user agreed: no second question. */
  const agreed = useRef<string | null>(null);

  useEffect(() => {
    if (href === shownHref) return;
    const samePrompt = promptViewOf(shownHref).name === view.name;
    if (samePrompt || !dirty || agreed.current === href) {
      agreed.current = null;
      setShownHref(href);
      return;
    }
    // "Keep editing" adds the edited prompt's address again (after the one Back went to),
    // so a second Back still reaches that one.
    guard(
      () => setShownHref(href),
      () => open(promptViewOf(shownHref)),
    );
  }, [href, shownHref, view.name, dirty, guard, open]);

  const go = useCallback(
    (next: Partial<PromptView>) =>
      guard(() => {
        agreed.current = promptHref(next);
        open(next);
      }),
    [guard, open],
  );

  /** Leaves a prompt that is gone (deleted): its edits went with it, nothing to ask. */
  const leave = useCallback(() => {
    agreed.current = promptHref({});
    adjust({});
  }, [adjust]);

  return { view: promptViewOf(shownHref), go, open, adjust, leave };
}
