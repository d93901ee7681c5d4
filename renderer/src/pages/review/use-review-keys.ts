import { useEffect, useRef, type RefObject } from 'react';
import { keyAction, type ReviewAction, type ScoreChoice } from './review-keys';

/** Where a key belongs to something else: a dialog or menu open above, another text field. */
function belongsElsewhere(target: HTMLElement, key: string): boolean {
  if (target.closest('[role="dialog"], [role="listbox"], [role="menu"]')) return true;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  // Enter and Space on a focused button or link press it, as everywhere else.
  return (key === 'Enter' || key === ' ') && target.closest('button, a') !== null;
}

/**
 * The review screen's keys, on the whole window: the comment and value boxes (`textBoxes`) get
 * only Enter and Escape; elsewhere the keys of keyAction act and are kept from typing.
 */
export function useReviewKeys(
  choices: ScoreChoice[] | null,
  textBoxes: readonly RefObject<HTMLElement | null>[],
  onAction: (action: ReviewAction) => void,
): void {
  // The latest handler, without re-listening on every render.
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      const inText = textBoxes.some((ref) => ref.current !== null && ref.current === target);
      if (!inText && belongsElsewhere(target, event.key)) return;
      const action = keyAction(event.key, { inText, shift: event.shiftKey, choices });
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [choices, textBoxes]);
}
