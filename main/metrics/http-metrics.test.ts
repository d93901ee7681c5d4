import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { HttpMetrics } from './http-metrics';

/** A small app with the server's route shapes: a channel route, a catch-all, a guard. */
function appWith(metrics: HttpMetrics): Hono {
  const app = new Hono();
  app.use('*', metrics.middleware());
  app.use('/private/*', async (c, next) =>
    c.req.header('authorization') ? next() : c.text('no', 401),
  );
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.post('/api/:channel', (c) => c.json({ channel: c.req.param('channel') }));
  app.get('/boom', () => {
    throw new Error('broke');
  });
  app.onError((_err, c) => c.text('failed', 500));
  return app;
}

async function series(metrics: HttpMetrics, name: string) {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  return metric.values.map((v) => ({ ...v.labels, value: v.value }) as Record<string, unknown>);
}

describe('HTTP request metrics', () => {
  it('counts a request under its method, channel route and status', async () => {
    const metrics = new HttpMetrics();
    const app = appWith(metrics);
    await app.request('/api/prompts.list', { method: 'POST' });
    await app.request('/api/prompts.list', { method: 'POST' });
    await app.request('/api/health');
    expect(await series(metrics, 'assay_http_requests_total')).toEqual(
      expect.arrayContaining([
        { method: 'POST', route: '/api/prompts.list', status: '200', value: 2 },
        { method: 'GET', route: '/api/health', status: '200', value: 1 },
      ]),
    );
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'assay_http_request_duration_seconds_count{method="POST",route="/api/prompts.list",status="200"} 2',
    );
  });

  it('keeps label cardinality bounded: random paths and channels share a few series', async () => {
    const metrics = new HttpMetrics();
    const app = appWith(metrics);
    for (let i = 0; i < 50; i++) {
      await app.request(`/api/no.such.channel.${i}`, { method: 'POST' });
      await app.request(`/scan/${i}/wp-login.php?x=${i}`);
      await app.request(`/private/${i}`);
      await app.request(`/x/${i}`, { method: `FOO${i}` });
    }
    const rows = await series(metrics, 'assay_http_requests_total');
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        { method: 'POST', route: '/api/unknown', status: '200', value: 50 },
        { method: 'GET', route: '/private/*', status: '401', value: 50 },
      ]),
    );
    expect(rows.every((r) => !String(r.route).match(/\d/))).toBe(true);
    expect(rows.some((r) => r.method === 'OTHER')).toBe(true);
  });

  it('counts a request whose handler throws under the status the error handler gave', async () => {
    const metrics = new HttpMetrics();
    const res = await appWith(metrics).request('/boom');
    expect(res.status).toBe(500);
    expect(await series(metrics, 'assay_http_requests_total')).toEqual([
      { method: 'GET', route: '/boom', status: '500', value: 1 },
    ]);
  });
});
