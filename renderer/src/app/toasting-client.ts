import { toast } from 'sonner';
import { toClientError, type Client } from '../client';

/**
 * Wraps a client so that every failed call shows an error toast with the coded message; the
 * error is rethrown so callers can still react (mark fields, keep edits). Callers therefore
 * never toast errors themselves.
 */
export function withErrorToasts(client: Client): Client {
  return {
    transport: client.transport,
    async invoke(channel, input) {
      try {
        return await client.invoke(channel, input);
      } catch (err) {
        const error = toClientError(err);
        const text = error.toString();
        // The text as id: the same failure repeated (server down) updates one toast.
        toast.error(text, { id: text });
        throw error;
      }
    },
    subscribe: (topic, cb) => client.subscribe(topic, cb),
  };
}
