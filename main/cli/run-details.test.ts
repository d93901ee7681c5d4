import { describe, expect, it } from 'vitest';
import type { ResultView, RunView } from '../../shared/contract';
import { costText, passRateText, resultReasons, runHeader } from './run-details';

const totals: RunView['totals'] = {
  cases: 2,
  results: 2,
  pass: 1,
  fail: 1,
  error: 0,
  unscored: 0,
  passRate: 0.5,
  promptCostUsd: 0.0123,
  judgeCostUsd: 0.001,
  unpricedCalls: 0,
  inputTokens: 10,
  outputTokens: 20,
  latencyP50Ms: 800,
  latencyP95Ms: 1600,
  cachedResults: 0,
  passAtK: null,
  flakyCases: 0,
  classification: null,
};

const run = (over: Partial<RunView> = {}, t: Partial<RunView['totals']> = {}): RunView => ({
  id: 'run-1',
  groupId: 'g',
  name: 'faq · qa@v2 · openai:gpt-4o-mini',
  status: 'completed',
  dataset: 'faq',
  interactionType: 'chat',
  prompt: 'qa@v2',
  promptVersion: 'v2',
  components: [{ prompt: 'tone', version: 'v1.3' }],
  provider: 'openai',
  model: 'gpt-4o-mini',
  concurrency: 20,
  repeat: 1,
  useCache: false,
  judgeModel: { provider: 'anthropic', model: 'claude-haiku-4-5' },
  embeddingModel: null,
  scorers: null,
  createdAt: '2026-12-06T14:03:27.123Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  ...over,
  totals: { ...totals, ...t },
});

const result = (over: Partial<ResultView>): ResultView => ({
  id: 'r',
  caseKey: 'k',
  position: 3,
  repeatIndex: 0,
  status: 'fail',
  score: 0,
  vars: {},
  expected: null,
  output: 'out',
  matchers: [],
  latencyMs: 1,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  judgeCostUsd: 0,
  cached: false,
  spanId: null,
  error: null,
  ...over,
});

describe('run details', () => {
  it('shows cost as unpriced, never $0, when a call had no price', () => {
    expect(costText(run({}, { promptCostUsd: null }))).toBe('unpriced');
    expect(costText(run({}, { unpricedCalls: 2 }))).toBe('$0.0133 + unpriced');
    expect(costText(run({}, { promptCostUsd: 0.0000042, judgeCostUsd: 0 }))).toBe('$0.0000042');
  });

  it('shows no pass rate when nothing was scored', () => {
    expect(passRateText(run({}, { results: 2, unscored: 2, pass: 0, fail: 0, passRate: 0 }))).toBe(
      '-',
    );
    expect(passRateText(run())).toBe('50.0%');
  });

  it('heads a run with its prompt, component versions, cache and judge', () => {
    const header = runHeader(run());
    expect(header).toMatch(/^prompt +qa@v2 \(tone@v1\.3\)$/m);
    expect(header).toMatch(/^cache +off$/m);
    expect(header).toMatch(/^judge +anthropic:claude-haiku-4-5$/m);
    expect(header).toMatch(/^created +2026-12-06 14:03:27Z/m);
    expect(header).not.toMatch(/^scorecard/m);
    const scored = runHeader(
      run({
        scorers: {
          useDatasetMatchers: true,
          skip: [],
          add: [],
          scorecard: { id: 'c', name: 'support', version: 3 },
        },
      }),
    );
    expect(scored).toMatch(/^scorecard +support v3$/m);
  });

  it('gives an error, failed and unscored matchers as the reasons', () => {
    expect(
      resultReasons(
        result({ status: 'error', error: { code: 'PROVIDER_TIMEOUT', message: 'openai: slow' } }),
      ),
    ).toBe('PROVIDER_TIMEOUT: openai: slow');
    const matchers = [
      { type: 'contains', pass: true, unscored: false, score: 1, reason: 'ok', costUsd: null },
      { type: 'regex', pass: false, unscored: false, score: 0, reason: 'no match', costUsd: null },
      {
        type: 'llm-judge',
        pass: false,
        unscored: true,
        score: 0,
        reason: 'no judge',
        costUsd: null,
      },
    ];
    expect(resultReasons(result({ matchers }))).toBe(
      'regex: no match\nllm-judge (unscored): no judge',
    );
    expect(resultReasons(result({ status: 'unscored', score: null }))).toBe('no matchers');
  });
});
