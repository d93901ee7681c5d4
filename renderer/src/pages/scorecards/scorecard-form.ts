import type { z } from 'zod';
import { channels, type ScorecardView } from '../../../../shared/contract';

/**
 * The scorecard form is scorecards.create's input schema from the contract; an edit sends its
 * description and body to scorecards.update (the name stays).
 */
export const scorecardFormSchema = channels['scorecards.create'].input;
export type ScorecardFormValues = z.input<typeof scorecardFormSchema>;

export function scorecardFormValues(card: ScorecardView | null): ScorecardFormValues {
  if (!card)
    return {
      name: '',
      description: '',
      body: { items: [{ graderId: '', weight: 1 }], passThreshold: 0.7 },
    };
  return { name: card.name, description: card.description, body: card.body };
}
