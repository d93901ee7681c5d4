/**
 * Workbench routes (the part after `#`) that something outside the renderer asks it to open:
 * the desktop shell, when a notification is clicked. The renderer's own links build on these.
 */

/** One alert, open in the Pulse inbox. */
export const alertRoute = (alertId: string): string =>
  `/pulse?alert=${encodeURIComponent(alertId)}`;

const MAX_ROUTE = 2_000;

/**
 * Whether a route handed to the workbench is one of its own pages (`/pulse?alert=…`): a path
 * from the root, never a URL (`//host`, `https:`), a backslash or a control character. The
 * window only ever opens its own hash routes, whoever asks.
 */
export function isAppRoute(route: unknown): route is string {
  return (
    typeof route === 'string' &&
    route.length <= MAX_ROUTE &&
    /^\/[^/\\]/.test(route) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f\\]/.test(route)
  );
}
