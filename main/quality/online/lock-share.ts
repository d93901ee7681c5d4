export interface LockShareTuning {
  /** Share of the time scoring keeps while it gives way (the runner's minThreadShare). */
  readonly floor: number;
  /** After ingest starts, how soon the first look (ingest's first seconds matter most). */
  readonly firstLookMs: number;
  /** While scoring at full speed, how often to look again. */
  readonly everyMs: number;
  /** How long scoring steps aside for a look. */
  readonly pauseMs: number;
  /** Ingest's rate before a look is read over this much time. */
  readonly windowMs: number;
  /** How much faster ingest must run without scoring to say scoring holds it up. */
  readonly gain: number;
  /** How long scoring gives way before it tries full speed again. */
  readonly yieldMs: number;
  /** Ingest silent this long: it ended, and the next burst is looked at afresh. */
  readonly quietMs: number;
}

export const DEFAULT_LOCK_SHARE: LockShareTuning = {
  floor: 0.05,
  firstLookMs: 100,
  everyMs: 2_000,
  pauseMs: 150,
  windowMs: 500,
  gain: 1.3,
  yieldMs: 3_000,
  quietMs: 300,
};

type Mode =
  | { readonly kind: 'full'; readonly lookAt: number }
  /** Stepped aside at `at`; ingest's rate before it was `before` a millisecond. */
  | {
      readonly kind: 'looking';
      readonly at: number;
      readonly count: number;
      readonly before: number;
    }
  | { readonly kind: 'yielding'; readonly until: number }
  /** Back at full speed from `at` to see whether ingest slows again; it ran at `before` while yielding. */
  | {
      readonly kind: 'trying';
      readonly at: number;
      readonly count: number;
      readonly before: number;
    };

/**
 * Whether model-free online scoring holds ingest up, found out by stepping aside.
 *
 * On SQLite the grading worker's page costs the core's thread almost nothing, but its commit
 * holds the database's one write lock and the two threads share two cores; on PostgreSQL a
 * page's reads and score inserts load the database ingest writes to. Interactions that arrive
 * at their own pace (an app's traffic) are not slowed by that: scoring keeps up with them.
 * Ingest that runs as fast as it can (a backfill, a load test) is: what scoring takes of the
 * lock or the database comes out of its rate. Nothing in this process tells the two apart
 * (load and waits look alike), so this looks: shortly after ingest starts, and every few
 * seconds after, scoring pauses briefly; if ingest runs clearly faster meanwhile, scoring
 * gives way, keeping `floor` of the time, for a while, then tries full speed again and keeps
 * it only if ingest does not slow.
 */
export class LockShare {
  private readonly tuning: LockShareTuning;
  private mode: Mode | null = null;
  /** Arrivals seen at recent calls, oldest first (ingest's rate over windowMs). */
  private readonly samples: { readonly at: number; readonly count: number }[] = [];
  private lastArrivalAt = -Infinity;
  private lastCount = 0;
  private lastCallAt: number | null = null;

  constructor(
    tuning: Partial<LockShareTuning> = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tuning = { ...DEFAULT_LOCK_SHARE, ...tuning };
  }

  /** Whether scoring is giving way to ingest now (tests, metrics). */
  get yielding(): boolean {
    return this.mode?.kind === 'yielding';
  }

  /**
   * The wait before the next page, after one that took `sharedMs` of what it shares with
   * ingest (the write lock, the database); `arrivals`: interactions ingested so far.
   */
  waitAfter(sharedMs: number, arrivals: number): number {
    const t = this.now();
    const sinceLast = this.lastCallAt === null ? 0 : t - this.lastCallAt;
    this.lastCallAt = t;
    if (arrivals !== this.lastCount) this.lastArrivalAt = t;
    this.lastCount = arrivals;
    this.sample(t, arrivals);
    const { tuning } = this;
    if (t - this.lastArrivalAt > tuning.quietMs) {
      this.mode = null;
      return 0;
    }
    this.mode ??= { kind: 'full', lookAt: t + tuning.firstLookMs };
    const mode = this.mode;
    switch (mode.kind) {
      case 'full': {
        if (t < mode.lookAt) return 0;
        this.mode = { kind: 'looking', at: t, count: arrivals, before: this.rate(t, arrivals) };
        return tuning.pauseMs;
      }
      case 'looking': {
        const during = (arrivals - mode.count) / Math.max(1, t - mode.at);
        if (during > mode.before * tuning.gain) {
          this.mode = { kind: 'yielding', until: t + tuning.yieldMs };
          return this.floorWait(sharedMs, sinceLast);
        }
        this.mode = { kind: 'full', lookAt: t + tuning.everyMs };
        return 0;
      }
      case 'yielding': {
        if (t < mode.until) return this.floorWait(sharedMs, sinceLast);
        this.mode = { kind: 'trying', at: t, count: arrivals, before: this.rate(t, arrivals) };
        return 0;
      }
      case 'trying': {
        if (t - mode.at < tuning.pauseMs) return 0;
        const during = (arrivals - mode.count) / (t - mode.at);
        this.mode =
          during * tuning.gain < mode.before
            ? { kind: 'yielding', until: t + tuning.yieldMs }
            : { kind: 'full', lookAt: t + tuning.everyMs };
        return this.mode.kind === 'yielding' ? this.floorWait(sharedMs, sinceLast) : 0;
      }
    }
  }

  /** The wait that brings the shared time's share since the last page down to the floor. */
  private floorWait(sharedMs: number, sinceLastMs: number): number {
    return Math.max(0, sharedMs / this.tuning.floor - sinceLastMs);
  }

  private sample(at: number, count: number): void {
    this.samples.push({ at, count });
    // Keep one sample older than the window, to measure over the whole of it.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.tuning.windowMs)
      this.samples.shift();
  }

  /** Arrivals a millisecond over the last windowMs (or as much of it as was seen). */
  private rate(at: number, count: number): number {
    const first = this.samples[0]!;
    return at > first.at ? (count - first.count) / (at - first.at) : 0;
  }
}
