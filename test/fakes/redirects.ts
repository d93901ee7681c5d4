import type { FakeRoute } from './fake-http';

/** The path prefix `movedWithin` answers with a redirect to the same path without it. */
export const MOVED_PREFIX = '/moved';

type Route = (path: string) => FakeRoute | null;

/** A route that answers with `status` and `Location: location`. */
export function redirectRoute(status: number, location: string): FakeRoute {
  return ({ res }) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/**
 * A fake's routes plus a same-origin move: `/moved/v1/...` answers `status` with a relative
 * Location of `/v1/...` on the same server, which `route` then answers.
 */
export function movedWithin(route: Route, status = 307): Route {
  return (path) =>
    path.startsWith(`${MOVED_PREFIX}/`)
      ? redirectRoute(status, path.slice(MOVED_PREFIX.length))
      : route(path);
}

/** Every path answers `status` with a Location of the same path on `target()` (another origin). */
export function redirectAllTo(target: () => string, status = 307): Route {
  return (path) => redirectRoute(status, `${target()}${path}`);
}
