import type { AlertView } from '../../../shared/contract/pulse';

/** Desktop notifications cut long text unevenly per OS: keep the body to what shows whole. */
const BODY_MAX = 180;

/** What the desktop notification of an alert says (the Electron shell shows it). */
export function alertNotification(
  alert: AlertView,
  unread: number,
): { title: string; body: string } {
  const body =
    alert.summary.length > BODY_MAX ? `${alert.summary.slice(0, BODY_MAX - 1)}…` : alert.summary;
  const more = unread > 1 ? ` (${unread} unread)` : '';
  return { title: `Assay alert: ${alert.ruleName}${more}`, body };
}
