import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Busier than this, the event loop had no idle time worth the name: others wanted more. */
const SATURATED = 0.95;

/** Since the last look: how long it was, and the share of it the event loop was busy. */
export type LoopProbe = () => { readonly elapsedMs: number; readonly utilization: number };

function eventLoopProbe(): LoopProbe {
  let mark: EventLoopUtilization = performance.eventLoopUtilization();
  let markAt = performance.now();
  return () => {
    const now = performance.now();
    const utilization = performance.eventLoopUtilization(mark).utilization;
    const elapsedMs = now - markAt;
    mark = performance.eventLoopUtilization();
    markAt = now;
    return { elapsedMs, utilization };
  };
}

/**
 * How long online scoring waits between pages so it does not crowd out ingest on the thread
 * they share (SQLite and grading run on the main thread). After each page it looks at how busy
 * the event loop was since the last one:
 * - nothing was ingested meanwhile: no wait, scoring has the thread (a backlog drains flat out);
 * - ingest ran and the loop never idled: ingest wanted more than it got, so scoring keeps only
 *   `floor` of the thread (ingest slows by about that) and catches up once the burst ends;
 * - ingest ran with idle time to spare: scoring takes what ingest leaves, up to `target`.
 */
export class ThreadShare {
  constructor(
    private readonly floor: number,
    private readonly target = 0.9,
    private readonly probe: LoopProbe = eventLoopProbe(),
  ) {}

  /** The wait after a page that kept the thread busy `busyMs`; 0 when there is room. */
  waitAfter(busyMs: number, ingestRan: boolean): number {
    const { elapsedMs, utilization } = this.probe();
    if (!ingestRan || elapsedMs <= 0 || busyMs <= 0) return 0;
    const own = Math.min(1, busyMs / elapsedMs);
    const allowed =
      utilization >= SATURATED
        ? this.floor
        : Math.max(this.floor, this.target - Math.max(0, utilization - own));
    // The wait that brings this interval's own share down to what is allowed.
    return own <= allowed ? 0 : busyMs / allowed - elapsedMs;
  }
}
