import type { ClientError } from '../../../client';

/** A cosine distance (0..2) as the similarity people read: 100% same meaning. */
export function similarityPercent(distance: number): string {
  const similarity = Math.max(0, Math.min(1, 1 - distance));
  return `${Math.round(similarity * 100)}%`;
}

/**
 * What to say when a semantic query failed: embedding off and pgvector missing are setup
 * states with their own instructions (the core's message says how), not failures.
 */
export function semanticErrorText(error: ClientError): { setup: boolean; text: string } {
  if (error.code === 'CONFIG_INVALID' || error.code === 'STORE_UNAVAILABLE')
    return { setup: true, text: error.message.replace(/^[\w.]+: /, '') };
  return { setup: false, text: `${error.code}: ${error.message}` };
}
