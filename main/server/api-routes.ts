import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { httpStatusOf } from '../../shared/errors';
import type { Dispatcher } from '../api/dispatcher';
import { errorResponse, sameOriginJsonGuard } from './request-guards';

/** Large enough for dataset imports; larger payloads should stream through a file channel. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** `POST /api/<channel>`: JSON in, a Result out, the HTTP status derived from the error code. */
export function mountApiRoutes(app: Hono, dispatcher: Dispatcher): void {
  app.post(
    '/api/:channel',
    sameOriginJsonGuard(),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () =>
        errorResponse('PAYLOAD_TOO_LARGE', `Request body is over ${MAX_BODY_BYTES} bytes`),
    }),
    async (c) => {
      const text = await c.req.text();
      let input: unknown = undefined;
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text);
        } catch (err) {
          return errorResponse(
            'MALFORMED_REQUEST',
            `Body is not valid JSON: ${(err as Error).message}`,
          );
        }
      }
      const result = await dispatcher.dispatch(c.req.param('channel'), input, {
        transport: 'http',
      });
      return c.json(result, result.ok ? 200 : (httpStatusOf(result.error.code) as 400));
    },
  );
  app.all('/api/*', (c) =>
    c.req.method === 'POST'
      ? errorResponse('UNKNOWN_CHANNEL', `Unknown API path ${c.req.path}`)
      : errorResponse('UNKNOWN_CHANNEL', `Use POST for ${c.req.path}; only /api/events takes GET`),
  );
}
