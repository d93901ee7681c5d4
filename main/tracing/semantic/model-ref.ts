import { createHash } from 'node:crypto';
import type { ProviderId } from '../../../shared/contract';

/** An embedding model as configured: `provider:model`. */
export interface ModelRef {
  readonly provider: ProviderId;
  readonly model: string;
  /** The setting as written, shown in the status. */
  readonly spec: string;
}

/** The setting's `provider:model` (checked by the contract) split at its first colon. */
export function parseModelRef(spec: string | null): ModelRef | null {
  if (!spec) return null;
  const at = spec.indexOf(':');
  const provider = spec.slice(0, at);
  if (at < 1 || (provider !== 'openai' && provider !== 'local')) return null;
  const model = spec.slice(at + 1).trim();
  return model ? { provider, model, spec } : null;
}

export type IndexKind = 'traces' | 'interactions' | 'evals';
const PREFIX: Record<IndexKind, string> = { traces: 'tr', interactions: 'ia', evals: 'ev' };

/**
 * One vector index per model and kind: vectors of two models are not comparable, so a model
 * change starts new indexes (the old ones stay, and come back if the model is set again).
 * The hash keeps two models whose readable parts clash apart.
 */
export function indexName(kind: IndexKind, ref: ModelRef): string {
  const readable = ref.spec
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24);
  const hash = createHash('sha256').update(ref.spec).digest('hex').slice(0, 8);
  return `${PREFIX[kind]}_${readable}_${hash}`;
}
