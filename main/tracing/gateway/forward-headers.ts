/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the proxy sets itself: never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/**
 * Request headers sent upstream: the client's own, minus hop-by-hop ones, Assay's `x-assay-*`
 * tagging headers, its cookies (a browser would send the Assay token cookie) and the client's
 * credentials (replaced by `auth`). `accept-encoding: identity` so the answer can be read on
 * the side as it passes; the hop to the app is local, where compression buys nothing.
 */
export function upstreamRequestHeaders(
  incoming: Iterable<readonly [string, string]>,
  auth: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of incoming) {
    if (HOP_BY_HOP.has(name) || name.startsWith('x-assay-')) continue;
    if (name === 'cookie' || name === 'authorization' || name === 'x-api-key') continue;
    if (name === 'accept-encoding') continue;
    out[name] = value;
  }
  out['accept-encoding'] = 'identity';
  return Object.assign(out, auth);
}

/**
 * Response headers passed back: everything the provider said (content type, request ids,
 * rate-limit and retry-after headers, processing times) except hop-by-hop ones, the length
 * (the body is re-framed by this server) and cookies, which the provider set for its own domain.
 * A repeated header is sent once with its values joined by ", " (RFC 9110 §5.3).
 */
export function clientResponseHeaders(
  upstream: Record<string, string | string[] | undefined>,
): Record<string, string> {
  // No prototype: a provider's header named like an Object property stays a plain header.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(upstream)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || lower === 'set-cookie') continue;
    if (lower === 'content-encoding' && value === 'identity') continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    out[lower] = out[lower] !== undefined ? `${out[lower]}, ${joined}` : joined;
  }
  return out;
}
