import { AssayError } from '../../shared/errors';
import { SPAN_KINDS } from '../../shared/contract/traces';
import type { SpanRecord } from './span-record';

const MAX_ID_CHARS = 256;
const KINDS = new Set<string>(SPAN_KINDS);

function refused(
  where: string,
  index: number,
  span: SpanRecord,
  field: string,
  problem: string,
): never {
  throw new AssayError(
    'MALFORMED_REQUEST',
    `${where}: span ${index} (${JSON.stringify(span.id.slice(0, 64))}) ${problem}`,
    { span: index, field },
  );
}

/** The first problem of one span on its own, as [field, problem]; null when there is none. */
function problemOf(span: SpanRecord): [string, string] | null {
  if (!span.id || span.id.length > MAX_ID_CHARS) return ['spanId', 'has no valid span id'];
  if (!span.traceId || span.traceId.length > MAX_ID_CHARS)
    return ['traceId', 'has no valid trace id'];
  if (span.parentId !== null && span.parentId.length > MAX_ID_CHARS)
    return ['parentSpanId', 'has an invalid parent id'];
  if (span.parentId === span.id) return ['parentSpanId', 'is its own parent'];
  if (!KINDS.has(span.kind)) return ['kind', `has an unknown kind "${span.kind}"`];
  if (Number.isNaN(Date.parse(span.startedAt)) || Number.isNaN(Date.parse(span.endedAt)))
    return ['startTimeUnixNano', 'has no valid start or end time'];
  return null;
}

/**
 * Checks a whole batch before any of it is stored: ingest stores all of a batch or none. Names
 * the span by its position (and id) so an app's developer can find it. A parent that is not in
 * the batch is fine (it may be stored, or arrive later); a cycle inside the batch is not.
 */
export function checkBatch(spans: readonly SpanRecord[], where: string): void {
  const byId = new Map<string, SpanRecord>();
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    const problem = problemOf(span);
    if (problem) refused(where, index, span, problem[0], problem[1]);
    const twin = byId.get(span.id);
    if (twin && twin.traceId !== span.traceId)
      refused(where, index, span, 'spanId', 'repeats a span id of another trace in this batch');
    byId.set(span.id, span);
  }
  // A parent chain inside the batch must end: walk each span's ancestors within the batch.
  const settled = new Set<string>();
  const path = new Set<string>();
  for (let index = 0; index < spans.length; index++) {
    path.clear();
    let current: SpanRecord | undefined = spans[index];
    while (current && !settled.has(current.id)) {
      if (path.has(current.id))
        throw new AssayError('MALFORMED_REQUEST', `${where}: span ${index} is in a parent cycle`, {
          span: index,
          field: 'parentSpanId',
        });
      path.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    for (const id of path) settled.add(id);
  }
}
