import type { Readable } from 'node:stream';

/**
 * What the gateway needs of an incoming call, whatever transport serves it (the node:http
 * adapter in main/server/gateway-listener.ts): the domain logic never sees sockets.
 */
export interface GatewayRequest {
  /** A request header by lower-case name; a repeated header's values joined by ", ". */
  header(name: string): string | undefined;
  /** Every request header (lower-case names, values as `header` gives them), to forward. */
  readonly headers: Iterable<readonly [string, string]>;
  /** This server's origin as the client addressed it (scheme and Host), for the Origin check. */
  origin(): string;
  /** The whole body of a call route, read by the transport within MAX_GATEWAY_BODY_BYTES. */
  readonly body: Uint8Array | undefined;
  /** Aborts when the client goes away before its answer is complete. */
  readonly signal: AbortSignal;
}

/** Response headers as node's writeHead takes them (lower-case names). */
export type AnswerHeaders = Record<string, string | string[]>;

/** An answer sent whole: the gateway's own (errors) or a provider's non-streamed one. */
export interface WholeAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  /** Null: no body (204, 304, an empty answer). */
  readonly body: Uint8Array | null;
}

/** How a passed-through stream ended: all sent, broken upstream, or the app hung up. */
export type StreamEnd = 'done' | 'upstream' | 'client';

/**
 * A provider's 2xx event stream passed through: the transport writes each chunk of `body` to
 * the app the moment it arrives, tells `seen` about it afterwards (the span's parser reads on
 * the side and can never hold the stream), and calls `settle` once when the stream is over.
 */
export interface StreamAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly body: Readable;
  seen(chunk: Buffer): void;
  settle(how: StreamEnd, cause?: unknown): void;
}

export type GatewayAnswer = WholeAnswer | StreamAnswer;

export function isStreamAnswer(answer: GatewayAnswer): answer is StreamAnswer {
  return 'seen' in answer;
}
