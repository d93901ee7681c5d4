import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Histogram, Registry } from 'prom-client';
import { isChannel } from '../../shared/contract';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route label of a request: the template of the route that answered (`/api/:channel`,
 * `/*`), never the raw path, so a scanner walking random URLs adds no series. API calls are
 * labelled by channel, since channels are a fixed set; an unknown one is `/api/unknown`.
 */
export function routeLabel(c: Context): string {
  const template = routePath(c) || 'unmatched';
  if (template !== '/api/:channel') return template;
  const channel = c.req.path.slice('/api/'.length);
  return `/api/${isChannel(channel) ? channel : 'unknown'}`;
}

/** HTTP requests the server answered, by method, route template and status. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'assay_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'assay_http_request_duration_seconds',
    help: 'Time to the response headers (an event stream counts until it opens)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = {
      method: METHODS.has(method) ? method : 'OTHER',
      route,
      status: String(status),
    };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** Hono middleware: mount first (`app.use('*', …)`) so refusals by later guards count too. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = process.hrtime.bigint();
      try {
        await next();
      } finally {
        // Hono turns a throw into c.res through onError before this runs; a 500 otherwise.
        const status = c.finalized ? c.res.status : 500;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.observe(c.req.method, routeLabel(c), status, seconds);
      }
    };
  }
}
