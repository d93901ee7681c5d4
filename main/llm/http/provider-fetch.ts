import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, fetch as undiciFetch, request, type Dispatcher } from 'undici';

/**
 * The `fetch` the provider SDKs (OpenAI, local servers, Anthropic) are given: undici's
 * `request` on one keep-alive pool, answered with a standard `Response`.
 *
 * Why not fetch itself: the Fetch algorithm builds a Request, an AbortController and several
 * streams per call. With the OpenAI SDK against the fake server on 2 cores, 5,000 calls at
 * concurrency 20 took 2.3 s, 3.4 s of CPU and 199 MB through undici's fetch, and 1.45 s, 2.25 s
 * and 150 MB through this; Node 20's built-in fetch was slower still and shares its pool with
 * the rest of the process. What the SDKs use of fetch is kept: string or byte bodies, the
 * abort signal (rejecting with its reason), redirects, a streamed body (SSE), decompression,
 * and `TypeError: fetch failed` with the socket error as `cause`. Anything else (a Request
 * object, a stream or form body) goes to undici's fetch.
 *
 * Redirects keep the key at home: credential headers are dropped when a redirect leaves the
 * origin, and https to http is refused outright (a `fetch failed` whose cause says why).
 *
 * Header and body timers are off: the call path owns each attempt's time limit and aborts
 * through the signal, and a long reasoning answer must not be cut at undici's 5-minute default.
 */
const newPool = (): Agent =>
  new Agent({
    connections: 256,
    keepAliveTimeout: 30_000,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
let dispatcher = newPool();

const MAX_REDIRECTS = 5;
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/**
 * Request headers that carry a credential. Fetch drops Authorization (and undici also Cookie
 * and Proxy-Authorization) when a redirect leaves the origin; providers send keys in their own
 * headers too (Anthropic's x-api-key, Azure's api-key, Google's x-goog-api-key), so every
 * header named like a credential goes.
 */
const CREDENTIAL_HEADER = /^(cookie|proxy-authorization)$|auth|api-?key|token|secret|session/i;

/** The `code` of the error under a `fetch failed` that a refused redirect rejects with. */
export const REDIRECT_REFUSED = 'ASSAY_REDIRECT_REFUSED';

function refusal(message: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(message), { code: REDIRECT_REFUSED }),
  });
}

/** Why a redirect was refused, when that is what `err` (or an error it wraps) reports. */
export function redirectRefusal(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if ((e as { code?: unknown }).code === REDIRECT_REFUSED) return e.message;
  return null;
}

/**
 * The next URL of a redirect, refusing https to http (the key and the prompt would cross the
 * network in cleartext) and dropping credentials when it leaves the origin, as fetch does.
 */
function followRedirect(
  current: string,
  location: string,
  headers: Record<string, string>,
): string {
  const from = new URL(current);
  const next = new URL(location, from);
  if (from.protocol === 'https:' && next.protocol !== 'https:')
    throw refusal(
      `refused a redirect from ${from.origin} to ${next.origin}: it would send the request unencrypted`,
    );
  if (next.origin !== from.origin)
    for (const name of Object.keys(headers)) if (CREDENTIAL_HEADER.test(name)) delete headers[name];
  return next.href;
}

type Body = string | Uint8Array | null | undefined;

function isSimpleBody(body: unknown): body is Body {
  return body == null || typeof body === 'string' || body instanceof Uint8Array;
}

function headerRecord(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  // The SDKs pass a Headers object: read it as it is (a copy would validate and sort it again).
  const headers = init instanceof Headers ? init : init ? new Headers(init) : undefined;
  headers?.forEach((value, name) => (out[name] = value));
  return out;
}

/**
 * The answer's headers as name/value pairs for the Response to take in: building a Headers
 * object here would make the Response validate and copy every header a second time.
 */
function responseHeaders(raw: Dispatcher.ResponseData['headers']): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else pairs.push([name, value]);
  }
  return pairs;
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The body as fetch would give it: decoded when the server compressed it anyway. */
function decodedBody(body: Readable, encoding: string | null): Readable {
  const decoder = encoding ? DECODERS[encoding.trim().toLowerCase()] : undefined;
  if (!decoder) return body;
  return pipeline(body, decoder(), () => undefined) as unknown as Readable;
}

async function requestFetch(url: string, init: RequestInit): Promise<Response> {
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body as Body;
  const headers = headerRecord(init.headers);
  const signal = init.signal ?? undefined;
  let target = url;
  for (let hop = 0; ; hop++) {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(target, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal,
        dispatcher,
      });
    } catch (err) {
      // fetch rejects with the signal's reason, and reports network failures as a TypeError.
      if (signal?.aborted) throw signal.reason ?? err;
      throw new TypeError('fetch failed', { cause: err });
    }
    const location = res.headers.location;
    if (REDIRECT_STATUS.has(res.statusCode) && typeof location === 'string') {
      await res.body.dump();
      if (hop >= MAX_REDIRECTS || init.redirect === 'error')
        throw new TypeError('fetch failed', { cause: new Error('too many redirects') });
      target = followRedirect(target, location, headers);
      // As fetch does: 303 (and 301/302 after a POST) continue as a GET without a body.
      if (res.statusCode === 303 || (res.statusCode !== 307 && res.statusCode !== 308)) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        delete headers['content-type'];
        delete headers['content-length'];
      }
      continue;
    }
    const answerHeaders = responseHeaders(res.headers);
    if (NULL_BODY_STATUS.has(res.statusCode) || method === 'HEAD') {
      await res.body.dump();
      return new Response(null, { status: res.statusCode, headers: answerHeaders });
    }
    const encoding = res.headers['content-encoding'];
    const stream = decodedBody(res.body, typeof encoding === 'string' ? encoding : null);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      status: res.statusCode,
      headers: answerHeaders,
    });
  }
}

type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

/**
 * undici's fetch, not left to follow redirects: it would keep x-api-key on a redirect to
 * another origin and go from https to http. A streamed or form body cannot be sent a second
 * time anyway, so a redirect of one is refused rather than followed by hand.
 */
async function fetchWithoutRedirects(url: string, init: UndiciInit, mode: string | undefined) {
  const res = await undiciFetch(url, { ...init, redirect: 'manual' });
  if (mode === 'manual' || !REDIRECT_STATUS.has(res.status) || !res.headers.has('location'))
    return res;
  await res.body?.cancel();
  throw refusal(
    `did not follow a ${res.status} redirect of a request whose body is a stream or a form: it cannot be sent again`,
  );
}

export const providerFetch = ((input: string | URL | Request, init: RequestInit = {}) => {
  if (typeof input === 'string' || input instanceof URL) {
    if (isSimpleBody(init.body)) return requestFetch(String(input), init);
    const rest = { ...(init as object), dispatcher } as UndiciInit;
    return fetchWithoutRedirects(String(input), rest, init.redirect);
  }
  // A Request of Node's own fetch is not one of this undici's: pass its parts.
  const { url, method, headers, body, signal } = input;
  const parts = { method, headers, body, signal, duplex: 'half', ...(init as object), dispatcher };
  return fetchWithoutRedirects(
    url,
    parts as unknown as UndiciInit,
    init.redirect ?? input.redirect,
  );
}) as unknown as typeof fetch;

/**
 * Closes the pool's idle keep-alive connections so a CLI process can exit at once: an open
 * socket keeps Node's event loop alive until the server drops it (about 90 ms after a one-case
 * `assay eval` against a local server).
 */
export function closeProviderConnections(): Promise<void> {
  const closing = dispatcher;
  // Calls after this (a test running commands in one process) get a fresh pool.
  dispatcher = newPool();
  return closing.close();
}
