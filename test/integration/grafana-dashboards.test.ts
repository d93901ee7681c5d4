import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoreMetrics } from '../../main/metrics/core-metrics';
import { LlmMetrics } from '../../main/metrics/llm-metrics';
import { DOCKER_DIR, readCompose } from '../support/compose-stack';
import { readJsonFile } from '../support/parse-json';

/**
 * The dashboards query exactly the metrics Assay exports: every metric name in every PromQL
 * expression exists in a process's registry (histogram series by their _bucket/_sum/_count
 * names), and every label a query groups or filters by is one that metric carries (or one
 * Prometheus adds to every target). Prometheus scrapes the services the compose file runs.
 */

/** Labels Prometheus attaches to every scraped series, and its own synthetic `up`. */
const TARGET_LABELS = new Set(['job', 'instance']);
const SYNTHETIC = new Map([['up', new Set<string>()]]);
const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** Every series name a process exports, with the labels each carries. */
async function exportedSeries(): Promise<Map<string, Set<string>>> {
  const llm = new LlmMetrics();
  const metrics = new CoreMetrics(llm);
  metrics.collectProcessMetrics();
  // Give every labelled metric a value, so its label names show in the export.
  llm.observe({
    provider: 'openai',
    model: 'm',
    status: 'ok',
    latencyMs: 1,
    usage: {
      inputTokens: 1,
      outputTokens: 1,
      cacheReadTokens: 1,
      cacheWriteTokens: 1,
      reasoningTokens: 1,
    },
    costPicoUsd: null,
  });
  llm.observe({
    provider: 'openai',
    model: 'm',
    status: 'ok',
    latencyMs: 1,
    usage: {
      inputTokens: 1,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    },
    costPicoUsd: 5_000_000,
  });
  metrics.http.observe('GET', '/api/health', 200, 0.01);
  metrics.jobs.onJobOutcome('q', 'stored', 1000);
  metrics.jobs.watchQueue('q', async () => ({ waiting: 1, active: 0, delayed: 0 }));
  metrics.results.evalResult('pass');
  metrics.results.backtestResult('ok');

  const series = new Map<string, Set<string>>(SYNTHETIC);
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    // prom-client's types declare a numeric enum; at run time the type is its name.
    const type = String(metric.type);
    const names =
      type === 'histogram'
        ? ['_bucket', '_sum', '_count'].map((s) => metric.name + s)
        : type === 'summary'
          ? [metric.name, `${metric.name}_sum`, `${metric.name}_count`]
          : [metric.name];
    const labels = new Set(metric.values.flatMap((v) => Object.keys(v.labels)));
    for (const name of names) series.set(name, labels);
  }
  return series;
}

/** The metric names and label names one PromQL expression uses. */
function promqlNames(expr: string): { metrics: string[]; labels: string[] } {
  const noStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const labels: string[] = [];
  // Label matchers: {name="x", other=~"y"}.
  for (const m of noStrings.matchAll(/\{([^}]*)\}/g))
    for (const pair of m[1]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g))
      labels.push(pair[1]!);
  // Grouping: by (a, b), without (a), on (a), ignoring (a).
  for (const m of noStrings.matchAll(/\b(?:by|without|on|ignoring)\s*\(([^)]*)\)/g))
    labels.push(
      ...m[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  const bare = noStrings
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  const metrics = [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)]
    .filter(([, name, call]) => !call && !PROMQL_WORDS.has(name!.toLowerCase()))
    .map(([, name]) => name!);
  return { metrics, labels };
}

const datasourceUid = z.object({ type: z.literal('prometheus'), uid: z.string() });
const dashboardSchema = z.looseObject({
  uid: z.string(),
  title: z.string(),
  panels: z.array(
    z.looseObject({
      title: z.string(),
      datasource: datasourceUid,
      targets: z.array(
        z.looseObject({ refId: z.string(), expr: z.string(), datasource: datasourceUid }),
      ),
    }),
  ),
});

const dashboardDir = path.join(DOCKER_DIR, 'grafana/dashboards');
const dashboards = fs
  .readdirSync(dashboardDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readJsonFile(dashboardSchema, path.join(dashboardDir, f)));

describe('Grafana dashboards', () => {
  it('covers calls, tokens, cost, latency, errors, throughput, queues and HTTP', () => {
    const exprs = dashboards.flatMap((d) => d.panels.flatMap((p) => p.targets.map((t) => t.expr)));
    for (const metric of [
      'assay_llm_calls_total',
      'assay_llm_tokens_total',
      'assay_llm_cost_usd_total',
      'assay_llm_latency_seconds_bucket',
      'assay_eval_results_total',
      'assay_backtest_results_total',
      'assay_queue_depth',
      'assay_jobs_total',
      'assay_http_requests_total',
      'assay_http_request_duration_seconds_bucket',
    ])
      expect(
        exprs.some((e) => promqlNames(e).metrics.includes(metric)),
        metric,
      ).toBe(true);
    expect(exprs.some((e) => e.includes('status="error"'))).toBe(true);
  });

  it('queries only metrics and labels that Assay exports', async () => {
    const series = await exportedSeries();
    const datasources = path.join(DOCKER_DIR, 'grafana/provisioning/datasources/prometheus.yml');
    const uid = z
      .object({ datasources: z.array(z.object({ uid: z.string() })) })
      .parse(parse(fs.readFileSync(datasources, 'utf8'))).datasources[0]!.uid;
    expect(new Set(dashboards.map((d) => d.uid)).size).toBe(dashboards.length);
    for (const dashboard of dashboards)
      for (const panel of dashboard.panels) {
        const where = `${dashboard.title} / ${panel.title}`;
        expect(panel.targets.length, where).toBeGreaterThan(0);
        expect(panel.datasource.uid, where).toBe(uid);
        for (const target of panel.targets) {
          const { metrics, labels } = promqlNames(target.expr);
          expect(metrics.length, `${where}: ${target.expr}`).toBeGreaterThan(0);
          const known = new Set([...TARGET_LABELS]);
          for (const metric of metrics) {
            expect(series.has(metric), `${where}: no metric ${metric}`).toBe(true);
            for (const label of series.get(metric) ?? []) known.add(label);
          }
          for (const label of labels)
            expect(known.has(label), `${where}: no label ${label} in ${target.expr}`).toBe(true);
        }
      }
  });

  it('lists every Assay metric in docker/README.md', async () => {
    const readme = fs.readFileSync(path.join(DOCKER_DIR, 'README.md'), 'utf8');
    const own = [...(await exportedSeries()).keys()]
      .map((name) => name.replace(/_(bucket|sum|count)$/, ''))
      .filter((name) => /^assay_(?!process_|nodejs_)/.test(name));
    expect(own.length).toBeGreaterThan(10);
    expect([...new Set(own)].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('finds misspelt metrics and labels (the check itself)', () => {
    expect(promqlNames('sum by (le, model) (rate(assay_llm_latency_secs_bucket[5m]))')).toEqual({
      metrics: ['assay_llm_latency_secs_bucket'],
      labels: ['le', 'model'],
    });
    expect(
      promqlNames('max by (queue) (assay_queue_depth{stat="waiting"}) / on (queue) up').metrics,
    ).toEqual(['assay_queue_depth', 'up']);
  });
});

describe('Prometheus scrape config', () => {
  const config = z
    .object({
      scrape_configs: z.array(
        z.object({
          job_name: z.string(),
          dns_sd_configs: z
            .array(z.object({ names: z.array(z.string()), type: z.literal('A'), port: z.number() }))
            .optional(),
          static_configs: z.array(z.object({ targets: z.array(z.string()) })).optional(),
        }),
      ),
    })
    .parse(parse(fs.readFileSync(path.join(DOCKER_DIR, 'prometheus/prometheus.yml'), 'utf8')));

  it('discovers every replica of the server and the workers on their metrics port', () => {
    const services = readCompose().services;
    const discovered = new Set<string>();
    for (const job of config.scrape_configs)
      for (const sd of job.dns_sd_configs ?? [])
        for (const name of sd.names) {
          const service = services[name];
          expect(service, `${job.job_name}: ${name} is a compose service`).toBeDefined();
          expect(service!.environment?.ASSAY_METRICS_PORT, name).toBe(String(sd.port));
          discovered.add(name);
        }
    expect([...discovered].sort()).toEqual(['assay-server', 'assay-worker']);
    const statics = config.scrape_configs.flatMap((j) =>
      (j.static_configs ?? []).flatMap((s) => s.targets),
    );
    expect(statics).toEqual(['localhost:9090']);
  });
});
