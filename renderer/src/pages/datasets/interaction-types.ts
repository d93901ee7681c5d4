import type { InteractionType } from '../../../../shared/contract';
import { INTERACTION_TYPES } from '../../../../shared/contract';

export const INTERACTION_LABELS: Record<InteractionType, string> = {
  chat: 'Chat',
  extraction: 'Extraction',
  classification: 'Classification',
  generation: 'Generation',
};

export function isInteractionType(value: string): value is InteractionType {
  return (INTERACTION_TYPES as readonly string[]).includes(value);
}
