/**
 * The server root behind an OpenAI-compatible base URL: Ollama serves its native API
 * (`/api/tags`) beside `/v1`, so `http://host:11434/v1/` → `http://host:11434`.
 */
export function serverOrigin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}
