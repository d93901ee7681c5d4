import type { ScoreConfig } from '../../../shared/contract/quality';
import type { ResponseFormat } from '../../llm/types';

/**
 * How a judge is told to answer, in words (the prompt's `{{answer_format}}`) and as a JSON
 * Schema (structured output), both from the grader's score config, so the scale the judge sees
 * and the one its reply is read against are one. `reason` comes first in the schema: a model
 * writing in order explains before it decides.
 */

const REASON = '"reason": "<one or two sentences: why>"';

export function answerFormat(config: ScoreConfig): string {
  switch (config.type) {
    case 'categorical': {
      const lines = config.levels.map(
        (l) => `- ${l.name}${l.description ? `: ${l.description}` : ''}`,
      );
      const names = config.levels.map((l) => l.name).join(' | ');
      return [
        'Grade the output with exactly one of these levels:',
        ...lines,
        `Reply with only this JSON object: {${REASON}, "level": "<${names}>"}`,
      ].join('\n');
    }
    case 'numeric': {
      const better = config.higherIsBetter ? 'higher is better' : 'lower is better';
      return [
        `Score the output from ${config.min} to ${config.max} (${better}).`,
        `Reply with only this JSON object: {${REASON}, "score": <a number from ${config.min} to ${config.max}>}`,
      ].join('\n');
    }
    case 'boolean':
      return [
        'Decide whether the output meets the rubric: true if it does, false if it does not.',
        `Reply with only this JSON object: {${REASON}, "score": true or false}`,
      ].join('\n');
  }
}

function answerSchema(config: ScoreConfig): Record<string, unknown> {
  switch (config.type) {
    case 'categorical':
      return { type: 'string', enum: config.levels.map((l) => l.name) };
    case 'numeric':
      // Bounds are stated in words: not every provider's strict mode takes minimum/maximum.
      return { type: 'number', description: `from ${config.min} to ${config.max}` };
    case 'boolean':
      return { type: 'boolean' };
  }
}

export function answerResponseFormat(config: ScoreConfig): ResponseFormat {
  const key = config.type === 'categorical' ? 'level' : 'score';
  return {
    type: 'json_schema',
    name: 'judge_verdict',
    strict: true,
    schema: {
      type: 'object',
      properties: { reason: { type: 'string' }, [key]: answerSchema(config) },
      required: ['reason', key],
      additionalProperties: false,
    },
  };
}
