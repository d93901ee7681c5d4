type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

const ROLES = ['system', 'user', 'assistant'];

/** A placeholder's messages typed as JSON: `[{"role": "user", "content": "hi"}, …]`. */
export function parseHistory(text: string): { value?: ChatMessage[]; error?: string } {
  if (text.trim() === '') return { value: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!Array.isArray(parsed)) return { error: 'must be a JSON array of messages' };
  const out: ChatMessage[] = [];
  for (const [index, item] of (parsed as unknown[]).entries()) {
    const { role, content } = (typeof item === 'object' && item !== null ? item : {}) as {
      role?: unknown;
      content?: unknown;
    };
    if (typeof role !== 'string' || !ROLES.includes(role) || typeof content !== 'string')
      return {
        error: `message ${index + 1} must be {"role": "user" | "assistant" | "system", "content": "…"}`,
      };
    out.push({ role: role as ChatMessage['role'], content });
  }
  return { value: out };
}
