import type { GraderDefinition, GraderKind, ScoreConfig } from '../../../../shared/contract';
import { BULLSEYE_LEVELS } from '../../../../shared/contract';

export const KIND_LABELS: Record<GraderKind, string> = {
  deterministic: 'Deterministic',
  llm_judge: 'LLM judge',
  code: 'Code',
  human: 'Human',
};

const isBullseye = (config: Extract<ScoreConfig, { type: 'categorical' }>) =>
  config.levels.length === BULLSEYE_LEVELS.length &&
  config.levels.every(
    (l, i) => l.name === BULLSEYE_LEVELS[i]!.name && l.value === BULLSEYE_LEVELS[i]!.value,
  );

/** "Bullseye (4 levels)", "3 levels", "0–10, higher is better", "pass / fail". */
export function scoreConfigText(config: ScoreConfig): string {
  switch (config.type) {
    case 'categorical':
      return isBullseye(config) ? 'Bullseye (4 levels)' : `${config.levels.length} levels`;
    case 'numeric':
      return `${config.min}–${config.max}, ${config.higherIsBetter ? 'higher' : 'lower'} is better`;
    case 'boolean':
      return 'pass / fail';
  }
}

/** One line on what a definition runs: the matcher, metric, judge prompt and model… */
export function definitionText(definition: GraderDefinition): string {
  switch (definition.kind) {
    case 'deterministic':
      return definition.check.type === 'matcher'
        ? `matcher ${definition.check.matcher.type}`
        : `metric ${definition.check.metric}`;
    case 'llm_judge': {
      const { name, label, version } = definition.prompt;
      const model = `${definition.model.provider}:${definition.model.model}`;
      return `${name}@${version ?? label ?? 'production'} on ${model}`;
    }
    case 'code':
      return `JavaScript, ${definition.timeoutMs} ms`;
    case 'human':
      return 'scored by people';
  }
}
