import { BrowserWindow, Notification } from 'electron';
import type { TopicPayload } from '../../shared/contract';
import type { EventBus } from '../kit/event-bus';
import { alertNotification } from '../quality/pulse/alert-notification';
import { focusWindow } from './main-window';

/**
 * Turns each `pulse.alert` event into a desktop notification, so an alert is seen while the
 * window is hidden or behind others; a click brings the window forward (its inbox badge and
 * toast show the alert). Returns the function that stops listening.
 */
export function notifyPulseAlerts(events: EventBus): () => void {
  return events.subscribe((topic, payload) => {
    if (topic !== 'pulse.alert' || !Notification.isSupported()) return;
    const { alert, unread } = payload as TopicPayload<'pulse.alert'>;
    const notification = new Notification(alertNotification(alert, unread));
    notification.on('click', () => {
      const [window] = BrowserWindow.getAllWindows();
      if (window) focusWindow(window);
    });
    notification.show();
  });
}
