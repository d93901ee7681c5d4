import { classifyStatus, type ProviderErrorClass } from '../../llm/provider-error';
import { ZERO_USAGE, type Usage } from '../../llm/types';
import { field, list, num, str } from './normalize-common';
import { anthropicResponse } from './normalize-anthropic';
import { openAiResponse } from './normalize-openai';
import type { WireFormat } from './gateway-error';

export interface ReadOutcome {
  readonly response: unknown;
  readonly usage: Usage;
  readonly usageReported: boolean;
  readonly error: { readonly errorClass: ProviderErrorClass; readonly message: string } | null;
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
  } catch {
    return undefined;
  }
}

/** The provider's own message from its error body (OpenAI and Anthropic both nest `error`). */
function errorMessage(status: number, provider: string, bytes: Uint8Array): string {
  const json = parse(bytes);
  const message = str(field(field(json, 'error'), 'message')) ?? str(field(json, 'message'));
  const text =
    message ?? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return `${provider} ${status}: ${text.replace(/\s+/g, ' ').trim().slice(0, 1000)}`;
}

/**
 * What a whole (non-streamed) upstream answer means for the span: the normalized answer and
 * usage of a 2xx, or the error class and the provider's message of anything else.
 */
export function readWholeAnswer(opts: {
  readonly format: WireFormat;
  readonly kind: 'llm' | 'embedding';
  readonly provider: string;
  readonly model: string;
  readonly status: number;
  readonly body: Uint8Array;
  readonly requestId: string | null;
}): ReadOutcome {
  const { status, body } = opts;
  if (status < 200 || status >= 300)
    return {
      response: null,
      usage: ZERO_USAGE,
      usageReported: false,
      error: {
        errorClass: classifyStatus(status),
        message: errorMessage(status, opts.provider, body),
      },
    };
  const json = parse(body);
  if (opts.kind === 'embedding') {
    const data = list(field(json, 'data'));
    const usage = field(json, 'usage');
    const input = Math.max(0, Math.trunc(num(field(usage, 'prompt_tokens')) ?? 0));
    return {
      response: {
        output: {
          count: data.length,
          dimensions: list(field(data[0], 'embedding')).length,
          model: str(field(json, 'model')) ?? opts.model,
        },
      },
      usage: { ...ZERO_USAGE, inputTokens: input },
      usageReported: usage !== undefined,
      error: null,
    };
  }
  const response =
    opts.format === 'openai'
      ? openAiResponse(json, opts.requestId, opts.model)
      : anthropicResponse(json, opts.requestId, opts.model);
  return {
    response,
    usage: response.usage,
    usageReported: field(json, 'usage') !== undefined,
    error: null,
  };
}

/** The class of an error event sent mid-stream (Anthropic names overload; others are 5xx). */
export function streamErrorClass(message: string): ProviderErrorClass {
  return /overload/i.test(message) ? 'overloaded' : 'server_error';
}
