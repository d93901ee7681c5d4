import { randomUUID } from 'node:crypto';
import type { FakeRes, FakeServer } from './fake-http';

/** A Bedrock fake: runtime (Converse, ConverseStream) and control plane (model listing). */
export interface BedrockFake extends FakeServer {
  /** Decoded model ids of every Converse/ConverseStream call, in order. */
  readonly modelIds: string[];
  /** The same calls' paths as sent, before decoding (`/model/us.anthropic…v1%3A0/converse`). */
  readonly rawPaths: string[];
  /** The control plane over HTTP/1.1, which is what the SDK's control-plane client speaks. */
  readonly controlUrl: string;
  /** The server behind `controlUrl` (its own requests and faults); `this` when h2c is off. */
  readonly control: FakeServer;
  /** When set, both listing routes fail with this error (e.g. 403 AccessDeniedException). */
  listingFault: { readonly status: number; readonly message?: string } | null;
  /** Page size of ListInferenceProfiles, small by default so clients must follow nextToken. */
  profilePageSize: number;
  /** Forces the stopReason (e.g. `guardrail_intervened`); null derives it from the reply. */
  stopReason: string | null;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};
const errorType = (status: number): string => ERROR_TYPES[status] ?? 'InternalServerException';
// Bedrock's header carries a namespace after the colon; the SDK strips it, so the fake sends it.
export const errorHeaders = (status: number): Record<string, string> => ({
  'x-amzn-errortype': `${errorType(status)}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  'x-amzn-requestid': randomUUID(),
});

export function sendJson(
  res: FakeRes,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const requestId = { 'x-amzn-requestid': randomUUID() };
  res.writeHead(status, { 'content-type': 'application/json', ...requestId, ...headers });
  res.end(JSON.stringify(body));
}
