import type { PulseCondition } from '../../../shared/contract/pulse';

/**
 * Whether a window's value meets the rule's condition: true, false, or null when it cannot be
 * told (no data in the window, no previous window to drop from, a drop in percent from 0). No
 * data is never read as a breach, nor as a recovery.
 */
export function conditionMet(
  condition: PulseCondition,
  current: number | null,
  previous: number | null,
): boolean | null {
  if (current === null) return null;
  switch (condition.type) {
    case 'below':
      return current < condition.value;
    case 'above':
      return current > condition.value;
    case 'drop': {
      if (previous === null) return null;
      if (condition.by !== undefined) return previous - current >= condition.by;
      if (previous <= 0) return null;
      return ((previous - current) / previous) * 100 >= condition.percent!;
    }
  }
}

export interface AlertStep {
  readonly firing: boolean;
  /** The rule just started firing: deliver one alert. */
  readonly fire: boolean;
  /** The rule just stopped firing. */
  readonly resolved: boolean;
}

/**
 * Edge-triggered: an alert goes out when a rule starts firing, not on every evaluation while it
 * keeps firing, so a mean that stays low alerts once. An unknown verdict keeps the state.
 */
export function nextAlertStep(wasFiring: boolean, met: boolean | null): AlertStep {
  if (met === null) return { firing: wasFiring, fire: false, resolved: false };
  return { firing: met, fire: met && !wasFiring, resolved: !met && wasFiring };
}
