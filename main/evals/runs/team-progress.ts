import { picoToUsd } from '../../../shared/money';
import type { EventBus } from '../../kit/event-bus';
import type { RunRepository } from './run-repository';
import type { RunRecord, RunStatus } from './run-rows';

const PROGRESS_EVERY_MS = 100;

/**
 * A run's `eval.progress` as a queue worker publishes it. Several workers store a run's results,
 * so none of them can count the run by itself (as RunProgress does in process): the counts are
 * read from what is stored, at most every 100 ms per worker. The server's event bridge carries
 * each worker's events to every server's stream.
 */
export class TeamRunProgress {
  private lastPublished = 0;
  private pending: NodeJS.Timeout | null = null;
  /** Set by the final publish: a throttled one still reading counts must not follow it. */
  private ended = false;

  constructor(
    private readonly events: EventBus,
    private readonly repo: RunRepository,
    private readonly run: RunRecord,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** A result was stored: publishes soon (coalesced with the others of the next 100 ms). */
  touch(): void {
    if (this.pending || this.ended) return;
    const wait = Math.max(0, this.lastPublished + PROGRESS_EVERY_MS - performance.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      this.publish('running').catch(this.onError);
    }, wait);
  }

  /** Publishes now, with this status (`completed` by the worker that completed the run). */
  async publish(status: RunStatus): Promise<void> {
    this.lastPublished = performance.now();
    if (status !== 'running') this.ended = true;
    const counts = await this.repo.resultCounts(this.run.id);
    if (status === 'running' && this.ended) return;
    const done = counts.pass + counts.fail + counts.error + counts.unscored;
    const total = this.run.totalCases * this.run.repeat;
    const started = Date.parse(this.run.startedAt ?? this.run.createdAt);
    const elapsedMs = Math.max(0, Date.now() - started);
    this.events.publish('eval.progress', {
      runId: this.run.id,
      status,
      done,
      total,
      pass: counts.pass,
      fail: counts.fail,
      error: counts.error,
      unscored: counts.unscored,
      costUsd: counts.priced === 0 ? null : picoToUsd(counts.costPico),
      elapsedMs,
      etaMs: done === 0 ? null : ((total - done) * elapsedMs) / done,
    });
  }

  close(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }
}
