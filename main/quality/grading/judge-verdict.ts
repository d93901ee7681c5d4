import type { ScoreConfig } from '../../../shared/contract/quality';
import { embeddedJsonValues, extractJson } from '../../evals/strategies/json-extract';
import { fitAnswer, shown } from './answer-fit';

/**
 * Reads a judge's verdict from its reply. Structured output should make the reply one JSON
 * object, but not every provider or local model honours it, so the JSON may be fenced or sit in
 * prose (found as eval judges' replies are, evals/strategies/json-extract.ts); the first object
 * carrying an answer the config holds wins. An answer off the scale (a level the config lacks,
 * a score past the range) is reported, never rounded to the nearest level.
 */

export type JudgeVerdict =
  | {
      readonly ok: true;
      readonly value: number;
      readonly level: string | null;
      readonly reason: string;
    }
  | { readonly ok: false; readonly reason: string };

/** Where the answer is looked for, per config; the asked-for key first, then usual spellings. */
const ANSWER_KEYS: Record<ScoreConfig['type'], readonly string[]> = {
  categorical: ['level', 'grade', 'score', 'value'],
  numeric: ['score', 'value', 'grade'],
  boolean: ['score', 'pass', 'verdict', 'result', 'value'],
};

const REASON_KEYS = ['reason', 'explanation', 'rationale'] as const;

/** Candidates looked at beyond the first: a reply quoting many JSON snippets stays cheap. */
const MAX_CANDIDATES = 10;

function answerOf(o: Record<string, unknown>, config: ScoreConfig): unknown {
  for (const key of ANSWER_KEYS[config.type])
    if (o[key] !== undefined && o[key] !== null) return o[key];
  return undefined;
}

function reasonOf(o: Record<string, unknown>): string {
  for (const key of REASON_KEYS) {
    const value = o[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

function expectedShape(config: ScoreConfig): string {
  return config.type === 'categorical' ? '{"level": …, "reason": …}' : '{"score": …, "reason": …}';
}

export function parseJudgeVerdict(reply: string, config: ScoreConfig): JudgeVerdict {
  const first = extractJson(reply);
  const candidates: unknown[] = first.ok ? [first.value] : [];
  for (const value of embeddedJsonValues(reply)) {
    candidates.push(value);
    if (candidates.length > MAX_CANDIDATES) break;
  }
  let offScale: string | undefined;
  for (const candidate of candidates) {
    if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) continue;
    const o = candidate as Record<string, unknown>;
    const answer = answerOf(o, config);
    if (answer === undefined) continue;
    const fit = fitAnswer(answer, config);
    if (fit.ok) return { ok: true, value: fit.value, level: fit.level, reason: reasonOf(o) };
    offScale ??= `judge answered ${shown(answer)}: ${fit.reason}`;
  }
  if (offScale !== undefined) return { ok: false, reason: offScale };
  const excerpt = reply.length > 200 ? `${reply.slice(0, 200)}…` : reply;
  return {
    ok: false,
    reason: `judge reply has no ${expectedShape(config)} verdict; it said: ${JSON.stringify(excerpt)}`,
  };
}
