import { describe, expect, it } from 'vitest';
import { PromJobMetrics } from './job-metrics';

describe('job metrics', () => {
  it('counts outcomes per queue and reads the depth at scrape time', async () => {
    const jobs = new PromJobMetrics();
    jobs.observeJob('eval-cases', 'completed', 0.2);
    jobs.observeJob('eval-cases', 'completed', 0.3);
    jobs.observeJob('eval-cases', 'retried', 5);
    let waiting = 7;
    jobs.setDepthSource(async () => [{ queue: 'eval-cases', waiting, active: 2, delayed: 0 }]);

    const text = await jobs.registry.metrics();
    expect(text).toContain('assay_jobs_total{queue="eval-cases",outcome="completed"} 2');
    expect(text).toContain('assay_jobs_total{queue="eval-cases",outcome="retried"} 1');
    expect(text).toContain(
      'assay_job_duration_seconds_count{queue="eval-cases",outcome="completed"} 2',
    );
    expect(text).toContain('assay_queue_depth{queue="eval-cases",state="waiting"} 7');
    expect(text).toContain('assay_queue_depth{queue="eval-cases",state="active"} 2');

    waiting = 0;
    expect(await jobs.registry.metrics()).toContain(
      'assay_queue_depth{queue="eval-cases",state="waiting"} 0',
    );
    // A queue that is gone no longer reports its last depth.
    jobs.setDepthSource(async () => []);
    expect(await jobs.registry.metrics()).not.toContain('queue="eval-cases",state=');
    // Redis down: the scrape still answers, without a depth.
    jobs.setDepthSource(() => Promise.reject(new Error('ECONNREFUSED')));
    const text2 = await jobs.registry.metrics();
    expect(text2).toContain('assay_jobs_total{queue="eval-cases",outcome="completed"} 2');
    expect(text2).not.toContain('assay_queue_depth{');
  });
});
