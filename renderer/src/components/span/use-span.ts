import { useChannel } from '../../lib/use-channel';

/** Loads one span by id (null: nothing to load). */
export function useSpan(id: string | null) {
  const { data, isCurrent, error } = useChannel('spans.get', id === null ? null : { id });
  // While another span loads, the last one must not show under the new id.
  return { span: isCurrent ? data : null, error };
}
