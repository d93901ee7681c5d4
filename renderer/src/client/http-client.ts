import type { ChannelOutput, TopicPayload } from '../../../shared/contract';
import type { Client } from './client';
import { ClientError } from './client-error';
import { EventStream } from './event-stream';
import { readResult } from './read-result';

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The browser client for `assay serve`. URLs are absolute paths: the page lives at `/` and
 * routes in the hash, so `/api/...` always reaches the server whatever the route.
 */
export function createHttpClient(token: string | null): Client {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;

  const events = new EventStream((topics) => {
    // Topic names are dotted identifiers, so the comma list needs no escaping beyond this.
    const query = topics.length > 0 ? [`topics=${topics.map(encodeURIComponent).join(',')}`] : [];
    // EventSource cannot send headers, so the token rides in the query string.
    if (token) query.push(`token=${encodeURIComponent(token)}`);
    return query.length > 0 ? `/api/events?${query.join('&')}` : '/api/events';
  });

  return {
    transport: 'http',
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch (err) {
        throw new ClientError(
          'INTERNAL',
          `${channel}: could not reach the Assay server (${reasonOf(err)}); is \`assay serve\` still running?`,
        );
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        const status = [response.status, response.statusText].filter(Boolean).join(' ');
        throw new ClientError(
          'INTERNAL',
          `${channel}: the server answered HTTP ${status} without a JSON body`,
        );
      }
      // Error statuses still carry a Result body, which holds the coded error worth showing.
      return readResult(channel, body) as ChannelOutput<typeof channel>;
    },
    subscribe(topic, cb) {
      return events.subscribe(topic, (payload) => cb(payload as TopicPayload<typeof topic>));
    },
  };
}
