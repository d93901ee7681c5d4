import { useChannel } from '../../lib/use-channel';
import { preflightInputOf, type RunForm } from './run-form';

/** Waits this long after the last change (a model id typed key by key) before checking again. */
const DEBOUNCE_MS = 300;

/**
 * The pre-flight of the run the form describes (evals.preflight), asked again as the dataset,
 * prompt and models change; nothing is asked until a dataset and a prompt are picked.
 */
export function usePreflight(form: RunForm, open: boolean) {
  const input = open ? preflightInputOf(form) : null;
  const { data, isCurrent, error } = useChannel('evals.preflight', input, {
    delayMs: DEBOUNCE_MS,
  });
  const asked = input !== null;
  return {
    /** The last answer while a dataset and prompt are picked (it stays while the next loads). */
    preflight: asked ? data : null,
    current: asked && isCurrent,
    /** The check itself failed (an empty dataset, a prompt that is gone): said once, by then. */
    error: asked ? error : null,
    asked,
  };
}
