import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreConfigSchema } from '../../../shared/contract/quality';
import { isValidValue } from '../scoring/normalize';
import { answerFormat, answerResponseFormat } from './judge-answer-format';
import { parseJudgeVerdict } from './judge-verdict';
import { BOOLEAN, BULLSEYE } from './test-support';

const tenPoint = scoreConfigSchema.parse({ type: 'numeric', min: 0, max: 10 });

describe('parseJudgeVerdict', () => {
  it('reads the asked-for JSON, fenced or in prose', () => {
    expect(parseJudgeVerdict('{"reason": "Exact.", "level": "Bullseye"}', BULLSEYE)).toEqual({
      ok: true,
      value: 100,
      level: 'Bullseye',
      reason: 'Exact.',
    });
    expect(
      parseJudgeVerdict(
        'Sure!\n```json\n{"level": "right AREA", "reason": "Vague."}\n```',
        BULLSEYE,
      ),
    ).toMatchObject({ ok: true, value: 35, level: 'Right area' });
    expect(
      parseJudgeVerdict('Input was {"q": 1}. Verdict: {"score": 7.5, "reason": "ok"}', tenPoint),
    ).toMatchObject({ ok: true, value: 7.5, level: null });
  });

  it('accepts usual spellings: a level value, pass words, numbers as text', () => {
    expect(parseJudgeVerdict('{"score": 65}', BULLSEYE)).toMatchObject({
      ok: true,
      level: 'One hop short',
      reason: '',
    });
    expect(parseJudgeVerdict('{"level": "65"}', BULLSEYE)).toMatchObject({ ok: true, value: 65 });
    expect(parseJudgeVerdict('{"pass": "yes", "explanation": "fine"}', BOOLEAN)).toEqual({
      ok: true,
      value: 1,
      level: null,
      reason: 'fine',
    });
    expect(parseJudgeVerdict('{"score": false}', BOOLEAN)).toMatchObject({ ok: true, value: 0 });
    expect(parseJudgeVerdict('{"score": "8"}', tenPoint)).toMatchObject({ ok: true, value: 8 });
  });

  it('reports an answer off the scale instead of rounding it', () => {
    expect(parseJudgeVerdict('{"level": "Close", "reason": "r"}', BULLSEYE)).toEqual({
      ok: false,
      reason:
        'judge answered "Close": "Close" is not a level (Bullseye (100), One hop short (65), Right area (35), Wrong (0))',
    });
    expect(parseJudgeVerdict('{"score": 80}', BULLSEYE).ok).toBe(false);
    expect(parseJudgeVerdict('{"score": 11}', tenPoint)).toEqual({
      ok: false,
      reason: 'judge answered 11: 11 is outside the score range 0..10',
    });
    expect(parseJudgeVerdict('{"score": "maybe"}', BOOLEAN).ok).toBe(false);
    // A later object on the scale still wins over an earlier one off it.
    expect(parseJudgeVerdict('{"score": 80} no wait {"score": 65}', BULLSEYE)).toMatchObject({
      ok: true,
      value: 65,
    });
  });

  it('says what the judge said when there is no verdict', () => {
    expect(parseJudgeVerdict('The answer looks right to me.', BULLSEYE)).toEqual({
      ok: false,
      reason:
        'judge reply has no {"level": …, "reason": …} verdict; it said: "The answer looks right to me."',
    });
    expect(parseJudgeVerdict('', tenPoint).ok).toBe(false);
    expect(parseJudgeVerdict('[1, 2]', tenPoint).ok).toBe(false);
  });

  it('never throws, and whatever it accepts is a value its config holds', () => {
    const replies = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record(
          {
            level: fc.oneof(fc.string(), fc.constantFrom('Bullseye', 'wrong', '35', 65, 80, true)),
            score: fc.oneof(fc.double(), fc.boolean(), fc.string(), fc.constant(null)),
            reason: fc.string(),
          },
          { requiredKeys: [] },
        )
        .map((o) => `Verdict: ${JSON.stringify(o)}`),
    );
    fc.assert(
      fc.property(replies, fc.constantFrom(BULLSEYE, BOOLEAN, tenPoint), (reply, config) => {
        const verdict = parseJudgeVerdict(reply, config);
        if (verdict.ok) expect(isValidValue(config, verdict.value)).toBe(true);
        else expect(verdict.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('answer format', () => {
  it('lists the levels with their descriptions, and holds structured output to their names', () => {
    expect(answerFormat(BULLSEYE)).toContain(
      '- One hop short: Right direction, one step from the answer.',
    );
    expect(answerFormat(BULLSEYE)).toContain(
      '"level": "<Bullseye | One hop short | Right area | Wrong>"',
    );
    expect(answerResponseFormat(BULLSEYE)).toEqual({
      type: 'json_schema',
      name: 'judge_verdict',
      strict: true,
      schema: {
        type: 'object',
        properties: {
          reason: { type: 'string' },
          level: { type: 'string', enum: ['Bullseye', 'One hop short', 'Right area', 'Wrong'] },
        },
        required: ['reason', 'level'],
        additionalProperties: false,
      },
    });
  });

  it('states a numeric range with its direction, and true/false for a boolean', () => {
    const latency = scoreConfigSchema.parse({
      type: 'numeric',
      min: 1,
      max: 5,
      higherIsBetter: false,
    });
    expect(answerFormat(latency)).toContain('Score the output from 1 to 5 (lower is better).');
    expect(answerResponseFormat(BOOLEAN)).toMatchObject({
      schema: { properties: { score: { type: 'boolean' } }, required: ['reason', 'score'] },
    });
    expect(answerFormat(BOOLEAN)).toContain('"score": true or false');
  });
});

describe('answers of the wrong kind', () => {
  it('say what was expected', () => {
    expect(parseJudgeVerdict('{"score": "high"}', tenPoint)).toEqual({
      ok: false,
      reason: 'judge answered "high": "high" is not a number from 0 to 10',
    });
    expect(parseJudgeVerdict('{"score": "maybe"}', BOOLEAN)).toEqual({
      ok: false,
      reason: 'judge answered "maybe": "maybe" is not true or false',
    });
    expect(parseJudgeVerdict('{"level": {"name": "Bullseye"}}', BULLSEYE)).toEqual({
      ok: false,
      reason: 'judge answered {"name":"Bullseye"}: {"name":"Bullseye"} is not a level',
    });
  });
});
