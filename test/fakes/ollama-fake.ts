import { listenFake } from './fake-http';
import type { FakeRoute, FakeServer } from './fake-http';
import {
  configureOpenAiFake,
  openAiChatRoute,
  openAiErrorBody,
  openAiModelsRoute,
} from './openai-fake';
import type { OpenAiFakeOptions } from './openai-fake';

/**
 * An Ollama-like server: Ollama's OpenAI-compatible `/v1` routes (the OpenAI fake's own route
 * functions) plus its native `GET /api/tags`, which the local provider falls back to.
 */

export interface OllamaFakeOptions extends OpenAiFakeOptions {
  /** Answer `/v1/models` with 404 (older servers), so the `/api/tags` fallback is exercised. */
  readonly v1Models?: boolean;
}

export const FAKE_OLLAMA_MODEL = 'llama3.2:3b';

const tagsRoute: FakeRoute = ({ res }) => {
  const model = {
    name: FAKE_OLLAMA_MODEL,
    model: FAKE_OLLAMA_MODEL,
    modified_at: '2025-01-15T10:00:00.000000000Z',
    size: 2_019_393_189,
    digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameter_size: '3.2B',
      quantization_level: 'Q4_K_M',
    },
  };
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ models: [model] }));
};

export async function startOllamaFake(options: OllamaFakeOptions = {}): Promise<FakeServer> {
  const v1Models = options.v1Models ?? true;
  const route = (path: string): FakeRoute | null => {
    if (path === '/v1/chat/completions') return openAiChatRoute;
    if (path === '/v1/models') return v1Models ? openAiModelsRoute : null;
    if (path === '/api/tags') return tagsRoute;
    return null;
  };
  const server = await listenFake(route, { errorBody: openAiErrorBody });
  configureOpenAiFake(server, { models: [FAKE_OLLAMA_MODEL], ...options });
  return server;
}
