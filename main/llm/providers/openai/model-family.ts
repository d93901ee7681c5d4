/**
 * OpenAI's reasoning models (o1, o3, o4-mini, gpt-5…) take `max_completion_tokens` and
 * `reasoning_effort`, and reject `temperature`/`top_p`. Routers and gateways prefix ids with
 * a vendor or org (`openai/o3-mini`), so only the last path segment decides.
 */
export function isReasoningModel(model: string): boolean {
  const bare = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return /^(o\d|gpt-5)/.test(bare);
}
