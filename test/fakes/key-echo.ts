import type { FakeContext, FakeRoute } from './fake-http';

/**
 * A fake provider that repeats the API key it was sent, as OpenAI's 401 does ("Incorrect API key
 * provided: sk-..."): to prove no stored or returned text keeps a key a provider echoes.
 */
export interface KeyEcho {
  /** While true, every request is answered 401 with the key in the error message. */
  rejectKeys: boolean;
  /** The last key a request carried (Authorization: Bearer, or x-api-key). */
  lastKey: string | null;
}

/** The key of a request, as the OpenAI (Bearer) and Anthropic (x-api-key) SDKs send it. */
export function keyOf(ctx: FakeContext): string | null {
  const { authorization, 'x-api-key': apiKey } = ctx.req.headers;
  if (typeof apiKey === 'string') return apiKey;
  if (typeof authorization === 'string') return authorization.replace(/^Bearer\s+/i, '');
  return null;
}

/** Wraps a fake's routes; `errorBody` renders the provider's own 401 body around a message. */
export function echoingKeys(
  route: (path: string) => FakeRoute | null,
  errorBody: (status: number, message: string) => unknown,
  message: (key: string) => string,
): { route: (path: string) => FakeRoute | null; echo: KeyEcho } {
  const echo: KeyEcho = { rejectKeys: false, lastKey: null };
  const wrapped = (path: string): FakeRoute | null => {
    const inner = route(path);
    if (!inner) return null;
    return (ctx) => {
      echo.lastKey = keyOf(ctx);
      if (!echo.rejectKeys) return inner(ctx);
      ctx.res.writeHead(401, { 'content-type': 'application/json' });
      ctx.res.end(JSON.stringify(errorBody(401, message(echo.lastKey ?? '(none)'))));
    };
  };
  return { route: wrapped, echo };
}

/** OpenAI's own words for a wrong key, with the key in full (the real API masks its middle). */
export const openAiKeyMessage = (key: string): string =>
  `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`;

export const anthropicKeyMessage = (key: string): string => `invalid x-api-key: ${key}`;
