import { describe, expect, it } from 'vitest';
import { PromJobMetrics } from './job-metrics';

describe('job metrics', () => {
  it('counts outcomes per queue and reads the depth at scrape time', async () => {
    const jobs = new PromJobMetrics();
    jobs.onJobOutcome('eval-cases', 'stored', 200);
    jobs.onJobOutcome('eval-cases', 'stored', 300);
    jobs.onJobOutcome('eval-cases', 'failed', 5000);
    let waiting = 7;
    jobs.watchQueue('eval-cases', async () => ({ waiting, active: 2, delayed: 0 }));

    const text = await jobs.registry.metrics();
    expect(text).toContain('assay_jobs_total{queue="eval-cases",outcome="stored"} 2');
    expect(text).toContain('assay_jobs_total{queue="eval-cases",outcome="failed"} 1');
    expect(text).toContain(
      'assay_job_duration_seconds_sum{queue="eval-cases",outcome="stored"} 0.5',
    );
    expect(text).toContain('assay_queue_depth{queue="eval-cases",state="waiting"} 7');
    expect(text).toContain('assay_queue_depth{queue="eval-cases",state="active"} 2');

    waiting = 0;
    expect(await jobs.registry.metrics()).toContain(
      'assay_queue_depth{queue="eval-cases",state="waiting"} 0',
    );
  });

  it('still answers a scrape when Redis does not, without the depth it cannot read', async () => {
    const jobs = new PromJobMetrics();
    jobs.onJobOutcome('eval-cases', 'stored', 10);
    let down = false;
    jobs.watchQueue('eval-cases', () =>
      down
        ? Promise.reject(new Error('ECONNREFUSED'))
        : Promise.resolve({ waiting: 3, active: 0, delayed: 0 }),
    );
    expect(await jobs.registry.metrics()).toContain('state="waiting"} 3');
    down = true;
    const text = await jobs.registry.metrics();
    expect(text).toContain('assay_jobs_total{queue="eval-cases",outcome="stored"} 1');
    // Not the last value read: a stale depth would hide the outage.
    expect(text).not.toContain('assay_queue_depth{');
  });
});
