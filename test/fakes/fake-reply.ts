/** A provider-neutral view of a chat request, enough for a fake to decide its reply. */
export interface FakeChatRequest {
  readonly model: string;
  /** Text of the last user message. */
  readonly lastUserText: string;
  /** Total characters across all messages, system included (drives the fake token counts). */
  readonly promptChars: number;
  readonly toolNames: readonly string[];
  readonly stream: boolean;
}

export interface FakeReply {
  readonly text: string;
  readonly toolCalls: readonly {
    readonly name: string;
    readonly arguments: Record<string, unknown>;
  }[];
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly cacheReadTokens: number;
    readonly cacheWriteTokens: number;
    readonly reasoningTokens: number;
  };
}

export type ReplyScript = (request: FakeChatRequest) => FakeReply;

/**
 * The default reply: a tool call when tools are offered and the user says "use <tool>";
 * otherwise `Echo: <last user text>`. Token counts are deterministic (4 characters a token), so
 * tests can compute expected usage and cost by hand.
 */
export const defaultReply: ReplyScript = (request) => {
  const wanted = request.toolNames.find((name) => request.lastUserText.includes(`use ${name}`));
  const text = wanted ? '' : `Echo: ${request.lastUserText}`;
  return {
    text,
    toolCalls: wanted ? [{ name: wanted, arguments: { city: 'Paris', unit: 'celsius' } }] : [],
    usage: {
      inputTokens: Math.max(1, Math.ceil(request.promptChars / 4)),
      outputTokens: Math.max(1, Math.ceil((text.length || 20) / 4)),
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    },
  };
};

/** Splits reply text into stream chunks of a few words, as providers do. */
export function chunkText(text: string, wordsPerChunk = 2): string[] {
  const words = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk)
    chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks.length > 0 ? chunks : [''];
}

/**
 * The default reply, except to an LLM judge (its prompt holds `<rubric>`), which gets the
 * verdict `{"pass": true, "reason": …}`: evals with judges run against one fake.
 */
export function judgePasses(reason: string): ReplyScript {
  return (request) =>
    request.lastUserText.includes('<rubric>')
      ? { ...defaultReply(request), text: JSON.stringify({ pass: true, reason }) }
      : defaultReply(request);
}

/**
 * A judge's script: requests whose prompt holds `<output>` (every judge prompt frames the
 * answer so) get `verdict`'s JSON; anything else the default reply.
 */
export const judgeReplies =
  (verdict: (request: FakeChatRequest) => { reason: string; level: string }): ReplyScript =>
  (request) =>
    request.lastUserText.includes('<output>')
      ? { ...defaultReply(request), text: JSON.stringify(verdict(request)) }
      : defaultReply(request);
