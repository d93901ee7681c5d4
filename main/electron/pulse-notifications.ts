import { Notification } from 'electron';
import type { EventBus } from '../kit/event-bus';
import { notifyAlerts } from './alert-notifier';

/**
 * Notifications shown and not yet clicked or closed, kept so their click still arrives (one
 * garbage-collected loses its handler); the oldest go past a bound, as some systems never
 * report a close.
 */
const shown = new Set<Notification>();
const MAX_KEPT = 50;

/**
 * Each `pulse.alert` is a desktop notification, so an alert is seen while the window is hidden
 * or behind others; a click opens it in the inbox (`openRoute`). Returns the function that
 * stops listening.
 */
export function notifyPulseAlerts(
  events: EventBus,
  openRoute: (route: string) => void,
): () => void {
  return notifyAlerts(
    events,
    {
      supported: () => Notification.isSupported(),
      show: (note, onClick) => {
        const notification = new Notification(note);
        shown.add(notification);
        if (shown.size > MAX_KEPT) shown.delete(shown.values().next().value!);
        notification.on('click', () => {
          shown.delete(notification);
          onClick();
        });
        notification.on('close', () => shown.delete(notification));
        notification.show();
      },
    },
    openRoute,
  );
}
