import { describe, expect, it } from 'vitest';
import {
  BULLSEYE_LEVELS,
  type GraderDefinition,
  type GraderView,
  type ScoreConfig,
  type SecondJudgeJob,
} from '../../../../shared/contract';
import { calibrationReferences, jobShare, jobSummary, secondJudgeOf } from './second-judge-view';

const BULLSEYE: ScoreConfig = { type: 'categorical', levels: [...BULLSEYE_LEVELS] };
const judgeOn = (model: string, secondJudgeOf?: string): GraderDefinition => ({
  kind: 'llm_judge',
  prompt: { name: 'assay-judge-accuracy' },
  model: { provider: 'openai', model },
  ...(secondJudgeOf ? { secondJudgeOf } : {}),
});

function grader(id: string, definition: GraderDefinition, scoreConfig = BULLSEYE): GraderView {
  return {
    id,
    name: id,
    description: '',
    kind: definition.kind,
    builtIn: false,
    archived: false,
    createdAt: '2026-12-01T00:00:00.000Z',
    latest: {
      id: `${id}-v1`,
      graderId: id,
      version: 1,
      definition,
      scoreConfig,
      rubric: '',
      createdAt: '2026-12-01T00:00:00.000Z',
    },
  };
}

const job = (over: Partial<SecondJudgeJob>): SecondJudgeJob => ({
  id: 'job',
  graderId: 'accuracy',
  secondJudge: { id: 'copy', name: 'Accuracy · second judge local/llama3', version: 1 },
  model: { provider: 'local', model: 'llama3' },
  state: 'running',
  total: 100,
  done: 0,
  scored: 0,
  unscored: 0,
  alreadyScored: 0,
  failed: 0,
  calls: 0,
  costUsd: 0,
  unpricedCalls: 0,
  problems: [],
  error: null,
  startedAt: '2026-12-07T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

describe('second judges in the calibration view', () => {
  it("lists the judge's own second judges first, then other graders on the same kind of scale", () => {
    const accuracy = grader('accuracy', judgeOn('gpt-4o-mini'));
    const list = [
      grader('expert', { kind: 'human', instructions: '' }),
      accuracy,
      grader('stars', judgeOn('gpt-4o'), { type: 'numeric', min: 1, max: 5, higherIsBetter: true }),
      grader('other copy', judgeOn('gpt-4o', 'relevance')),
      grader('copy', judgeOn('gpt-4o', 'accuracy')),
    ];
    expect(calibrationReferences(list, accuracy).map((g) => g.id)).toEqual([
      'copy',
      'expert',
      'other copy',
    ]);
    expect(secondJudgeOf(list[4]!)).toBe('accuracy');
    expect(secondJudgeOf(accuracy)).toBeNull();
    expect(secondJudgeOf(list[0]!)).toBeNull();
  });

  it('says how far a job is, what it found and what it cost, never an unpriced call as $0', () => {
    const running = job({ done: 37, scored: 35, unscored: 1, failed: 1, costUsd: 0.0123 });
    expect(jobShare(running)).toBeCloseTo(0.37, 12);
    expect(jobSummary(running)).toBe(
      'Grading with local/llama3: 37 of 100 targets · 35 scored, 1 unscored, 1 failed · judge cost $0.0123',
    );
    const done = job({
      state: 'done',
      done: 100,
      scored: 40,
      alreadyScored: 60,
      calls: 40,
      unpricedCalls: 40,
    });
    expect(jobSummary(done)).toBe(
      'Done with local/llama3: 100 of 100 targets · 40 scored, 60 scored before · judge cost unpriced (40 calls)',
    );
    expect(jobSummary(job({ calls: 3, unpricedCalls: 1, costUsd: 0.5 }))).toMatch(
      /judge cost \$0\.5000 \+ 1 unpriced calls$/,
    );
    expect(jobShare(job({ total: 0, state: 'done' }))).toBe(1);
    expect(jobSummary(job({ state: 'failed', done: 5 }))).toMatch(/^Stopped with local\/llama3: 5/);
  });
});
