import { AssayError } from '../../../shared/errors';
import { readJsonBody } from '../../server/json-body';
import { normalizeAnthropic } from './normalize-anthropic';
import { normalizeOpenAiChat } from './normalize-openai';
import {
  anthropicMessagesShape,
  checkShape,
  openAiChatShape,
  openAiEmbeddingsShape,
} from './request-shape';
import type { GatewayProvider } from './upstream';

export type RouteKind = 'chat' | 'messages' | 'embeddings';

/** What the gateway knows of a call from its body, before forwarding it. */
export interface PreparedCall {
  readonly model: string;
  readonly stream: boolean;
  readonly spanKind: 'llm' | 'embedding';
  /**
   * The normalized request the span stores, built on demand: after the answer has gone back,
   * so the app never waits for it.
   */
  readonly request: () => unknown;
  /** Rough tokens for the rate limiter's budget (4 characters a token), corrected by usage. */
  readonly estimatedTokens: number;
}

/**
 * Parses and type-checks a body (strict UTF-8, bounded nesting, the route's shape) and
 * normalizes it for the span. Throws a coded error naming what is wrong: the request is then
 * refused and nothing is forwarded or stored.
 */
export function prepareCall(
  provider: GatewayProvider,
  kind: RouteKind,
  bytes: Uint8Array,
): PreparedCall {
  const body = readJsonBody(bytes);
  if (!body.ok) throw new AssayError('MALFORMED_REQUEST', body.message, body.details);
  const estimatedTokens = Math.ceil(bytes.byteLength / 4);
  switch (kind) {
    case 'chat': {
      const chat = checkShape(openAiChatShape, body.value, 'chat.completions');
      const p = provider === 'local' ? 'local' : 'openai';
      return {
        model: chat.model,
        stream: chat.stream === true,
        spanKind: 'llm',
        request: () => normalizeOpenAiChat(p, chat),
        estimatedTokens,
      };
    }
    case 'messages': {
      const msg = checkShape(anthropicMessagesShape, body.value, 'messages');
      return {
        model: msg.model,
        stream: msg.stream === true,
        spanKind: 'llm',
        request: () => normalizeAnthropic(msg),
        estimatedTokens: estimatedTokens + Math.max(0, Math.trunc(msg.max_tokens ?? 0)),
      };
    }
    case 'embeddings': {
      const emb = checkShape(openAiEmbeddingsShape, body.value, 'embeddings');
      return {
        model: emb.model,
        stream: false,
        spanKind: 'embedding',
        request: () => ({ provider, model: emb.model, input: emb.input }),
        estimatedTokens,
      };
    }
  }
}
