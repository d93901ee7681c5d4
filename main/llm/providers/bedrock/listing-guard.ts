import { Readable } from 'node:stream';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { classifyStatus, ProviderError } from '../../provider-error';
import { MAX_LISTING_BYTES, unusableListing } from '../listing-reply';

/**
 * Guards for the Bedrock control plane, which Assay uses only to list models: whatever answers
 * at the endpoint (a proxy, a misconfigured gateway) must not exhaust memory or surface the
 * SDK's parser errors, which span lines and point at hidden fields.
 */

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The raw body, refusing to hold more than `MAX_LISTING_BYTES` of it. */
async function readCapped(body: Readable, what: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > MAX_LISTING_BYTES) {
      body.destroy();
      throw unusableListing(
        { provider: 'bedrock', what },
        `the reply is larger than ${megabytes(MAX_LISTING_BYTES)}`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads every control-plane reply within the size limit before the SDK parses it. The step
 * sits just inside the SDK's deserializer, so it sees the raw response and an error it throws
 * reaches the caller as it is.
 */
export function capListingReplies(client: BedrockClient): BedrockClient {
  const step =
    <A, R extends { response: unknown }>(
      next: (args: A) => Promise<R>,
      context: { commandName?: string },
    ) =>
    async (args: A): Promise<R> => {
      const out = await next(args);
      const response = out.response as { body?: unknown };
      if (response.body instanceof Readable)
        response.body = await readCapped(response.body, context.commandName ?? 'the listing');
      return out;
    };
  client.middlewareStack.addRelativeTo(step, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'assayListingSizeCap',
    override: true,
  });
  return client;
}

interface ParsedFailure {
  readonly $response?: { readonly headers?: Record<string, string | undefined> };
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
  readonly $fault?: unknown;
}

/**
 * A reply the SDK could not parse (not JSON, or JSON of another shape) as a one-line
 * ProviderError; any other error (a service exception, a connection failure) is returned as is.
 * The SDK marks parse failures with the raw `$response`, and service exceptions with `$fault`.
 */
export function readableListingError(err: unknown, what: string): unknown {
  if (err instanceof ProviderError || !(err instanceof Error)) return err;
  const failure = err as Error & ParsedFailure;
  if (!('$response' in failure) || '$fault' in failure) return err;
  const status = failure.$metadata?.httpStatusCode;
  const type = failure.$response?.headers?.['content-type']?.split(';')[0]?.trim();
  const answered = `HTTP ${status ?? '?'}${type ? `, ${type}` : ''}`;
  if (status !== undefined && status >= 400)
    return new ProviderError({
      provider: 'bedrock',
      errorClass: classifyStatus(status),
      status,
      message: `${what}: the error reply could not be read (${answered})`,
      requestId: failure.$metadata?.requestId ?? null,
    });
  return unusableListing(
    { provider: 'bedrock', what },
    `the reply could not be read as Bedrock's JSON (${answered})`,
  );
}
