import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { AssayError } from '../../../shared/errors';
import type { EvalReport } from './eval-report';

const xml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
// XML 1.0 cannot carry most control characters, even escaped; model output may contain them.
const clean = (s: string): string =>
  [...s]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
    })
    .join('');

function caseName(vars: Readonly<Record<string, string>>, position: number): string {
  const first = Object.values(vars)[0] ?? '';
  return `#${position} ${first.length > 80 ? `${first.slice(0, 77)}…` : first}`;
}

/** JUnit XML: one testsuite per run (prompt × model), one testcase per result. */
export function toJunit(report: EvalReport): string {
  const suites = report.runs.map((run) => {
    const cases = run.results.map((r) => {
      const name = xml(
        clean(
          caseName(r.vars, r.position) + (run.repeat > 1 ? ` (repeat ${r.repeatIndex + 1})` : ''),
        ),
      );
      const time = ((r.latencyMs ?? 0) / 1000).toFixed(3);
      const head = `    <testcase name="${name}" classname="${xml(`${run.provider}:${run.model}`)}" time="${time}">`;
      if (r.status === 'pass') return `${head}</testcase>`;
      // A result nothing scored is no pass and no failure of the output: JUnit's "skipped".
      if (r.status === 'unscored') {
        const why = r.matchers.filter((m) => m.unscored).map((m) => `${m.type}: ${m.reason}`);
        const message = why.length > 0 ? `unscored: ${why.join('; ')}` : 'unscored: no matchers';
        return `${head}\n      <skipped message="${xml(clean(message))}"/>\n    </testcase>`;
      }
      if (r.status === 'error') {
        return `${head}\n      <error message="${xml(clean(r.error?.message ?? 'error'))}" type="${xml(r.error?.code ?? 'ERROR')}"/>\n    </testcase>`;
      }
      const failed = r.matchers.filter((m) => !m.pass && !m.unscored);
      const message = failed.map((m) => `${m.type}: ${m.reason}`).join('; ');
      return `${head}\n      <failure message="${xml(clean(message))}" type="assertion">${xml(clean(r.output ?? ''))}</failure>\n    </testcase>`;
    });
    const t = run.totals;
    return `  <testsuite name="${xml(run.name)}" tests="${t.results}" failures="${t.fail}" errors="${t.error}" skipped="${t.unscored}" time="${(((t.latencyP50Ms ?? 0) * t.results) / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(report.suite)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function rows(report: EvalReport) {
  return report.runs.flatMap((run) =>
    run.results.map((r) => ({
      run: run.id,
      provider: run.provider,
      model: run.model,
      prompt: run.prompt,
      position: r.position,
      repeat: r.repeatIndex,
      status: r.status,
      score: r.score ?? '',
      vars: JSON.stringify(r.vars),
      output: r.output ?? '',
      failed_matchers: r.matchers
        .filter((m) => !m.pass && !m.unscored)
        .map((m) => `${m.type}: ${m.reason}`)
        .join(' | '),
      unscored_matchers: r.matchers
        .filter((m) => m.unscored)
        .map((m) => `${m.type}: ${m.reason}`)
        .join(' | '),
      latency_ms: r.latencyMs ?? '',
      cost_usd: r.costUsd ?? '',
      judge_cost_usd: r.judgeCostUsd,
      span_id: r.spanId ?? '',
      error: r.error ? `${r.error.code}: ${r.error.message}` : '',
    })),
  );
}

/** Writes the report in the format the file name asks for: .json, .jsonl, .csv or .junit.xml / .xml. */
export function writeReport(file: string, report: EvalReport): void {
  const lower = file.toLowerCase();
  let text: string;
  if (lower.endsWith('.json')) text = `${JSON.stringify(report, null, 2)}\n`;
  else if (lower.endsWith('.jsonl'))
    text =
      rows(report)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n';
  else if (lower.endsWith('.csv')) text = stringify(rows(report), { header: true });
  else if (lower.endsWith('.xml')) text = toJunit(report);
  else
    throw new AssayError(
      'CONFIG_INVALID',
      `--output ${file}: use .json, .jsonl, .csv or .junit.xml`,
    );
  fs.writeFileSync(file, text);
}
