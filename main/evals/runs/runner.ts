import { newId } from '../../core/ids';
import { AssayError, toErrorPayload } from '../../../shared/errors';
import { picoToUsd } from '../../../shared/money';
import type { EventBus } from '../../core/event-bus';
import type { LlmService } from '../../llm/llm-service';
import { ProviderError } from '../../llm/provider-error';
import type { ChatRequest } from '../../llm/types';
import { renderFrozen } from '../../prompts/render';
import type { GroupCommit } from '../../store/group-commit';
import { matcherCallsModel, runMatcher, scoreCase } from '../matchers/registry';
import { prepareOutput } from '../strategies/registry';
import type { MatchResult } from '../types';
import { frozenPromptOf, parametersOf, snapshotOf, type CaseSnapshot } from './run-rows';
import type { ResultRow, RunCaseRow, RunRow, RunStore } from './run-store';

const PROGRESS_EVERY_MS = 100;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Cases in a row that could not reach the provider (connection refused, reset or dropped, after
 * the call path's retries) before the run stops as failed. Without it a run against a server
 * that is down retries every case: 5,000 cases took 445 s to fail.
 */
export const UNREACHABLE_STREAK = 10;

export interface RunnerDeps {
  readonly store: RunStore;
  readonly writes: GroupCommit;
  readonly llm: LlmService;
  readonly events: EventBus;
}

interface WorkItem {
  readonly c: RunCaseRow;
  readonly repeat: number;
}

interface Counters {
  done: number;
  pass: number;
  fail: number;
  error: number;
  unscored: number;
  costPico: number;
  priced: number;
}

/**
 * Executes one run: every (case, repeat) without a stored result, `concurrency` at a time.
 * Each result is committed as it finishes (shared commits per event-loop turn), so a run killed
 * midway keeps everything it finished and a resume runs only the rest. Errors of one case
 * (a missing variable, a provider failure after retries) become that case's `error` result.
 */
export async function executeRun(
  deps: RunnerDeps,
  run: RunRow,
  signal: AbortSignal,
): Promise<void> {
  const { store, writes, llm, events } = deps;
  const frozen = frozenPromptOf(run);
  const params = parametersOf(run);
  const done = store.doneKeys(run.id);
  const cases = store.cases(run.id);
  const todo: WorkItem[] = [];
  for (const c of cases) {
    for (let r = 0; r < run.repeat; r++)
      if (!done.has(`${c.case_key}#${r}`)) todo.push({ c, repeat: r });
  }
  const total = cases.length * run.repeat;
  // A resumed run starts its counts from what is stored, so progress always covers the whole run.
  const counters: Counters = { done: total - todo.length, ...store.resultCounts(run.id) };
  const started = performance.now();
  const initialDone = counters.done;
  let lastProgress = 0;
  const progress = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    const elapsedMs = now - started;
    const fresh = counters.done - initialDone;
    events.publish('eval.progress', {
      runId: run.id,
      status: signal.aborted ? 'cancelled' : counters.done >= total ? 'completed' : 'running',
      done: counters.done,
      total,
      pass: counters.pass,
      fail: counters.fail,
      error: counters.error,
      unscored: counters.unscored,
      costUsd: counters.priced === 0 ? null : picoToUsd(counters.costPico),
      elapsedMs,
      etaMs: fresh === 0 ? null : ((total - counters.done) * elapsedMs) / fresh,
    });
  };

  const judge = async (req: { provider: string; model: string; system: string; user: string }) => {
    const result = await llm.call({
      request: {
        provider: req.provider as ChatRequest['provider'],
        model: req.model,
        messages: [
          { role: 'system', content: req.system },
          { role: 'user', content: req.user },
        ],
        temperature: 0,
      },
      signal,
      spanKind: 'judge',
      spanName: 'eval judge',
      attributes: { evalRunId: run.id },
    });
    return { text: result.response.text, costPicoUsd: result.costPicoUsd };
  };

  const embeddingModel = params.embeddingModel;
  const embed = embeddingModel
    ? (texts: readonly string[]) =>
        llm.embed(embeddingModel.provider, embeddingModel.model, texts, signal)
    : undefined;
  const matchContext = {
    judge,
    embed,
    signal,
    ...(params.judgeModel ? { defaultJudge: params.judgeModel } : {}),
  };

  const resultBase = ({ c, repeat }: WorkItem) => ({
    id: newId(),
    run_id: run.id,
    case_key: c.case_key,
    repeat_index: repeat,
    created_at: new Date().toISOString(),
  });

  const unreachable: { item: WorkItem; error: ProviderError }[] = [];
  let tripped: ProviderError | undefined;

  const record = async (row: ResultRow): Promise<void> => {
    await writes.run(() => store.insertResult(row));
    counters.done++;
    counters[row.status]++;
    if (row.cost_pico_usd !== null) {
      counters.costPico += row.cost_pico_usd + row.judge_cost_pico_usd;
      counters.priced++;
    }
    progress(false);
  };

  /** The stored result of a case whose call (or rendering) failed. */
  const errorRow = (item: WorkItem, err: unknown, base = resultBase(item)): ResultRow => {
    const e = toErrorPayload(err);
    return {
      ...base,
      status: 'error',
      score: null,
      output: null,
      matchers_json: '[]',
      latency_ms: null,
      input_tokens: 0,
      output_tokens: 0,
      cost_pico_usd: null,
      judge_cost_pico_usd: 0,
      cached: 0,
      span_id: null,
      error_code: e.code,
      error_message: e.message,
    };
  };

  type CallOutcome =
    | { readonly ok: true; readonly call: Awaited<ReturnType<LlmService['call']>> }
    | { readonly ok: false; readonly error: unknown };

  /** The model call of one case: the part the run's concurrency limits. */
  const callCase = async (
    { c, repeat }: WorkItem,
    vars: Record<string, string>,
  ): Promise<CallOutcome> => {
    try {
      const rendered = renderFrozen(frozen, { variables: vars, placeholders: {} });
      const call = await llm.call({
        request: {
          provider: run.provider as ChatRequest['provider'],
          model: run.model,
          messages: rendered.messages,
          temperature: params.temperature ?? rendered.config.temperature,
          maxTokens: params.maxTokens ?? rendered.config.maxTokens,
          responseFormat: rendered.config.responseFormat,
        },
        signal,
        // Repeats must reach the model each time: pass@k over cached copies would be meaningless.
        bypassCache: run.bypass_cache === 1 || repeat > 0,
        // A run without the cache neither reads nor fills it, as `--no-cache` says.
        refreshCache: run.bypass_cache !== 1,
        spanName: 'eval case',
        attributes: { evalRunId: run.id, caseKey: c.case_key, repeat },
        // finishCase stores the result (naming the span) after it, and awaits both commits.
        deferCommit: true,
      });
      return { ok: true, call };
    } catch (error) {
      return { ok: false, error };
    }
  };

  /** Scores a case's answer (or records its error) and stores the result. */
  const finishCase = async (
    item: WorkItem,
    { vars, expected, matchers }: CaseSnapshot,
    outcome: CallOutcome,
  ): Promise<void> => {
    const base = resultBase(item);
    let row: ResultRow;
    if (outcome.ok) {
      const { call } = outcome;
      const prepared = prepareOutput(run.interaction_type, call.response.text);
      const subject = {
        text: prepared.text,
        json: prepared.json,
        expected,
        vars,
        latencyMs: call.latencyMs,
        costPicoUsd: call.costPicoUsd,
        usage: call.response.usage,
      };
      const results: MatchResult[] = [];
      for (const spec of matchers) results.push(await runMatcher(spec, subject, matchContext));
      const score = scoreCase(results, matchers);
      row = {
        ...base,
        status: score.status,
        score: score.score,
        output: call.response.text,
        matchers_json: JSON.stringify(
          results.map((r, i) => ({
            type: String(matchers[i]!.type),
            pass: r.pass,
            ...(r.unscored === true ? { unscored: true } : {}),
            score: r.score,
            reason: r.reason,
            costPicoUsd: r.costPicoUsd ?? null,
            ...(r.details && matchers[i]!.type === 'classification' ? { details: r.details } : {}),
          })),
        ),
        latency_ms: call.latencyMs,
        input_tokens: call.response.usage.inputTokens + call.response.usage.cacheReadTokens,
        output_tokens: call.response.usage.outputTokens,
        cost_pico_usd: call.costPicoUsd,
        judge_cost_pico_usd: score.judgeCostPicoUsd,
        cached: call.cacheHit ? 1 : 0,
        span_id: call.spanId,
        error_code: null,
        error_message: null,
      };
    } else {
      const err = outcome.error;
      if (signal.aborted) return;
      if (err instanceof ProviderError && err.errorClass === 'connection') {
        // Held back until the streak breaks: if the provider is down, these cases are not
        // results, and a resume should run them again.
        unreachable.push({ item, error: err });
        if (unreachable.length >= UNREACHABLE_STREAK) tripped ??= err;
        return;
      }
      row = errorRow(item, err, base);
    }
    // The span's write was queued first, so the result lands in the same commit or a later one;
    // a span that failed to store fails the run rather than leave a result pointing nowhere.
    await Promise.all([outcome.ok ? outcome.call.committed : undefined, record(row)]);
    // Another outcome: the provider answers, so the held-back failures were real case errors.
    if (unreachable.length > 0 && !tripped) {
      const held = unreachable.splice(0);
      for (const { item: h, error } of held) await record(errorRow(h, error));
    }
  };

  /**
   * Cases whose answer is being scored and stored after their model call returned. A worker
   * starts its next call meanwhile: scoring and the result's commit are local work that would
   * otherwise leave a model slot idle. At most `concurrency` of them, so memory stays bounded.
   */
  const finishing = new Set<Promise<void>>();
  let storeFailure: { err: unknown } | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!signal.aborted && !tripped && !storeFailure && next < todo.length) {
      const item = todo[next++]!;
      const snapshot = snapshotOf(item.c);
      const outcome = await callCase(item, snapshot.vars);
      // Scored in the next turn: every worker whose answer came in this turn first sends its
      // next request (1,000 cases at 50 ms: 3.34 s against 3.45 s scoring at once).
      const finish = nextTurn().then(() => finishCase(item, snapshot, outcome));
      // A judge or embedding matcher calls a model: that stays within the case's slot, so a
      // run never has more than `concurrency` of its calls in flight.
      if (snapshot.matchers.some(matcherCallsModel)) {
        await finish;
        continue;
      }
      // A failure to store (the disk is full) fails the run once every case has settled.
      const tracked: Promise<void> = finish
        .catch((err: unknown) => void (storeFailure ??= { err }))
        .finally(() => finishing.delete(tracked));
      finishing.add(tracked);
      if (finishing.size >= run.concurrency) await Promise.race(finishing);
    }
  };
  progress(true);
  await Promise.all(
    Array.from({ length: Math.min(run.concurrency, Math.max(1, todo.length)) }, worker),
  );
  await Promise.all(finishing);
  if (storeFailure) throw storeFailure.err;
  if (!tripped && !signal.aborted) {
    // The last cases failed to connect but too few to call the provider down: real errors.
    for (const { item, error } of unreachable.splice(0)) await record(errorRow(item, error));
  }
  progress(true);
  if (tripped)
    throw new AssayError(
      'PROVIDER_UNAVAILABLE',
      `stopped after ${UNREACHABLE_STREAK} cases in a row could not reach ${run.provider}: ${tripped.message}. ` +
        `${counters.done} results are kept; resume the run when the provider is back.`,
    );
}
