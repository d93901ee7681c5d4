import type { TopicPayload } from '../../shared/contract';
import { alertRoute } from '../../shared/app-routes';
import type { EventBus } from '../kit/event-bus';
import { alertNotification } from '../quality/pulse/alert-notification';

/** What showing a desktop notification takes (Electron's Notification in the app). */
export interface DesktopNotifier {
  readonly supported: () => boolean;
  readonly show: (note: { title: string; body: string }, onClick: () => void) => void;
}

/**
 * Turns each `pulse.alert` event into a desktop notification whose click opens that alert in
 * the Pulse inbox (`openRoute`: focus the window, navigate). No `electron` import: the app
 * passes its Notification, tests a stand-in. Returns the function that stops listening.
 */
export function notifyAlerts(
  events: EventBus,
  notifier: DesktopNotifier,
  openRoute: (route: string) => void,
): () => void {
  return events.subscribe((topic, payload) => {
    if (topic !== 'pulse.alert' || !notifier.supported()) return;
    const { alert, unread } = payload as TopicPayload<'pulse.alert'>;
    notifier.show(alertNotification(alert, unread), () => openRoute(alertRoute(alert.id)));
  });
}
