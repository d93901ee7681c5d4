import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { httpStatusOf } from '../../shared/errors';
import type { Dispatcher } from '../api/dispatcher';
import { MAX_IMPORT_BYTES } from '../evals/datasets/limits';
import { readJsonBody } from './json-body';
import { errorResponse, sameOriginJsonGuard } from './request-guards';
import { grantToCookie } from './session-grant';
import { clientAddressOf, principalOf, type TeamHttpOptions } from './team-session';

/**
 * Twice the largest dataset import: a 50 MB file sent as a JSON string grows with its escaped
 * quotes and newlines, and must reach the import's own check, which names the real limit.
 * Bigger payloads should stream through a file channel.
 */
export const MAX_BODY_BYTES = 2 * MAX_IMPORT_BYTES;

/**
 * `POST /api/<channel>`: JSON in, a Result out, the HTTP status derived from the error code.
 * In team mode the call carries who sent it (team-session.ts), and a login's session secret
 * travels in a cookie, never in the body.
 */
export function mountApiRoutes(app: Hono, dispatcher: Dispatcher, team?: TeamHttpOptions): void {
  app.post(
    '/api/:channel',
    sameOriginJsonGuard(team?.publicUrl),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () =>
        errorResponse('PAYLOAD_TOO_LARGE', `Request body is over ${MAX_BODY_BYTES} bytes`),
    }),
    async (c) => {
      const body = readJsonBody(new Uint8Array(await c.req.arrayBuffer()));
      if (!body.ok) return errorResponse('MALFORMED_REQUEST', body.message, body.details);
      const channel = c.req.param('channel');
      const result = await dispatcher.dispatch(channel, body.value, {
        transport: 'http',
        principal: team ? principalOf(c) : undefined,
        clientAddress: team ? clientAddressOf(c, team.trustProxy) : undefined,
      });
      const answer = team ? grantToCookie(c, team, channel, result) : result;
      return c.json(answer, answer.ok ? 200 : (httpStatusOf(answer.error.code) as 400));
    },
  );
  app.all('/api/*', (c) =>
    c.req.method === 'POST'
      ? errorResponse('UNKNOWN_CHANNEL', `Unknown API path ${c.req.path}`)
      : errorResponse('UNKNOWN_CHANNEL', `Use POST for ${c.req.path}; only /api/events takes GET`),
  );
}
