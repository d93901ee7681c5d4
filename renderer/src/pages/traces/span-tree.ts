/** The fields of a span the tree needs (a SpanView has them all). */
export interface TreeSpan {
  readonly id: string;
  readonly parentId: string | null;
  readonly startedAt: string;
  readonly endedAt: string;
}

/** One row of the tree as shown: depth-first, children in start order under their parent. */
export interface TreeRow<S extends TreeSpan> {
  readonly span: S;
  readonly depth: number;
  /** Its parent id names a span not (yet) received: shown as a root, marked. */
  readonly orphan: boolean;
  /** Its parent chain loops back to it: shown as a root, marked (never followed round). */
  readonly inCycle: boolean;
  readonly childCount: number;
}

const startOf = (span: TreeSpan) => {
  const t = Date.parse(span.startedAt);
  return Number.isNaN(t) ? 0 : t;
};

/** Start order, then id, so the same spans always give the same tree. */
const byStart = (a: TreeSpan, b: TreeSpan) =>
  startOf(a) - startOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The tree of a trace's spans from their parent ids. Spans whose parent is missing become roots
 * (orphans); a parent chain that loops (bad ingest data) is cut where it closes, and each span
 * is emitted exactly once, so the walk always ends. Duplicate ids keep the first span.
 * Iterative, so a chain thousands deep does not overflow the stack.
 */
export function buildSpanTree<S extends TreeSpan>(spans: readonly S[]): TreeRow<S>[] {
  const byId = new Map<string, S>();
  for (const span of spans) if (!byId.has(span.id)) byId.set(span.id, span);
  const unique = [...byId.values()];

  // A span is in a cycle when walking up its parents returns to a span already on the walk.
  // The span of a cycle that comes first in start order roots it; the others hang below it.
  const cyclic = new Set<string>();
  const cycleHeads = new Set<string>();
  const settled = new Set<string>();
  for (const span of unique) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: S | undefined = span;
    while (current && !settled.has(current.id)) {
      if (onPath.has(current.id)) {
        const members = path.slice(path.indexOf(current.id)).map((id) => byId.get(id)!);
        for (const member of members) cyclic.add(member.id);
        cycleHeads.add(members.sort(byStart)[0]!.id);
        break;
      }
      onPath.add(current.id);
      path.push(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    for (const id of path) settled.add(id);
  }

  const children = new Map<string, S[]>();
  const roots: { span: S; orphan: boolean; inCycle: boolean }[] = [];
  for (const span of unique) {
    const parent = span.parentId;
    if (cycleHeads.has(span.id)) {
      roots.push({ span, orphan: false, inCycle: true });
      continue;
    }
    if (!cyclic.has(span.id) && (parent === null || parent === span.id || !byId.has(parent))) {
      roots.push({
        span,
        orphan: parent !== null && parent !== span.id,
        inCycle: parent === span.id,
      });
      continue;
    }
    const list = children.get(parent!) ?? [];
    list.push(span);
    children.set(parent!, list);
  }
  for (const list of children.values()) list.sort(byStart);
  roots.sort((a, b) => byStart(a.span, b.span));

  const rows: TreeRow<S>[] = [];
  const emitted = new Set<string>();
  for (const root of roots) {
    const stack: { span: S; depth: number; orphan: boolean; inCycle: boolean }[] = [
      { ...root, depth: 0 },
    ];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (emitted.has(next.span.id)) continue;
      emitted.add(next.span.id);
      const kids = (children.get(next.span.id) ?? []).filter((k) => !emitted.has(k.id));
      rows.push({
        span: next.span,
        depth: next.depth,
        orphan: next.orphan,
        inCycle: next.inCycle,
        childCount: kids.length,
      });
      for (let i = kids.length - 1; i >= 0; i--)
        stack.push({ span: kids[i]!, depth: next.depth + 1, orphan: false, inCycle: false });
    }
  }
  return rows;
}

/** Where a span's bar sits on the trace's timeline, as fractions (0..1) of the trace's span. */
export function barOf(
  span: TreeSpan,
  traceStart: number,
  traceEnd: number,
): { left: number; width: number } {
  const total = Math.max(1, traceEnd - traceStart);
  const start = Math.min(Math.max(startOf(span), traceStart), traceEnd);
  const endRaw = Date.parse(span.endedAt);
  const end = Math.min(Math.max(Number.isNaN(endRaw) ? start : endRaw, start), traceEnd);
  return { left: (start - traceStart) / total, width: (end - start) / total };
}

/** The time bounds of a set of spans (ms since epoch); equal when there is nothing to span. */
export function timeBounds(spans: readonly TreeSpan[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    const s = startOf(span);
    const e = Date.parse(span.endedAt);
    start = Math.min(start, s);
    end = Math.max(end, Number.isNaN(e) ? s : e);
  }
  if (!Number.isFinite(start)) return { start: 0, end: 0 };
  return { start, end: Math.max(start, end) };
}
