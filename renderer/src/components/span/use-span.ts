import { useChannelQuery } from '../../query/channel-query';

/** One stored span by id (null asks nothing; the span is null while it is loading). */
export function useSpan(id: string | null) {
  const query = useChannelQuery('spans.get', id === null ? null : { id });
  // While another span loads, the last one must not show under the new id.
  const span = query.data && query.data.id === id ? query.data : null;
  return { span, error: query.error };
}
