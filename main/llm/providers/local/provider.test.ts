import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { FAKE_OLLAMA_MODEL, startOllamaFake } from '../../../../test/fakes/ollama-fake';
import { ProviderError } from '../../provider-error';
import type { ChatRequest, StreamDelta } from '../../types';
import { serverOrigin } from './origin';
import { createLocalProvider } from './provider';

const REQUEST: ChatRequest = {
  provider: 'local',
  model: FAKE_OLLAMA_MODEL,
  messages: [{ role: 'user', content: 'hi from the laptop' }],
  temperature: 0.1,
  maxTokens: 64,
};

let ollama: FakeServer;
let oldOllama: FakeServer;

beforeAll(async () => {
  ollama = await startOllamaFake();
  oldOllama = await startOllamaFake({ v1Models: false });
});
afterAll(async () => {
  await ollama.close();
  await oldOllama.close();
});

describe('local provider against an Ollama-like fake', () => {
  it('chats with no API key, sending the SDK placeholder the server ignores', async () => {
    const provider = createLocalProvider({ baseUrl: `${ollama.url}/v1`, apiKey: null });
    expect(provider.id).toBe('local');
    const before = ollama.requests.length;
    const res = await provider.chat(REQUEST);
    expect(res.text).toBe('Echo: hi from the laptop');
    expect(res.model).toBe(FAKE_OLLAMA_MODEL);
    const sent = ollama.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.authorization).toBe('Bearer local');
    // Not a reasoning model: the usual max_tokens and temperature.
    expect(sent[0]!.body).toMatchObject({ max_tokens: 64, temperature: 0.1 });
  });

  it('streams from the local server', async () => {
    const provider = createLocalProvider({ baseUrl: `${ollama.url}/v1/`, apiKey: 'lm-studio-key' });
    const deltas: StreamDelta[] = [];
    const before = ollama.requests.length;
    const res = await provider.chat(REQUEST, { onDelta: (d) => deltas.push(d) });
    const streamed = deltas.map((d) => (d.type === 'text' ? d.text : '')).join('');
    expect(streamed).toBe(res.text);
    expect(res.usage.outputTokens).toBeGreaterThan(0);
    expect(ollama.requests[before]!.headers.authorization).toBe('Bearer lm-studio-key');
  });

  it('lists models through /v1/models', async () => {
    const provider = createLocalProvider({ baseUrl: `${ollama.url}/v1`, apiKey: null });
    const before = ollama.requests.length;
    const models = await provider.listModels();
    expect(models).toEqual([
      { id: FAKE_OLLAMA_MODEL, provider: 'local', name: FAKE_OLLAMA_MODEL, source: 'live' },
    ]);
    expect(ollama.requests.slice(before).map((r) => r.path)).toEqual(['/v1/models']);
  });

  it('falls back to /api/tags when /v1/models is missing', async () => {
    const provider = createLocalProvider({ baseUrl: `${oldOllama.url}/v1`, apiKey: null });
    const before = oldOllama.requests.length;
    const models = await provider.listModels();
    expect(models.map((m) => m.id)).toEqual([FAKE_OLLAMA_MODEL]);
    expect(models[0]!.source).toBe('live');
    expect(oldOllama.requests.slice(before).map((r) => r.path)).toEqual([
      '/v1/models',
      '/api/tags',
    ]);
  });

  it('reports the server being down as a connection error', async () => {
    const gone = await startOllamaFake();
    const url = gone.url;
    await gone.close();
    const provider = createLocalProvider({ baseUrl: `${url}/v1`, apiKey: null });
    const chatError = await provider.chat(REQUEST).then(
      () => null,
      (e: unknown) => e,
    );
    expect(chatError).toBeInstanceOf(ProviderError);
    expect((chatError as ProviderError).errorClass).toBe('connection');
    const listError = await provider.listModels().then(
      () => null,
      (e: unknown) => e,
    );
    expect(listError).toMatchObject({ provider: 'local', errorClass: 'connection' });
  });

  it('finds the server origin behind the /v1 base URL', () => {
    expect(serverOrigin('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434');
    expect(serverOrigin('http://127.0.0.1:11434/v1/')).toBe('http://127.0.0.1:11434');
    expect(serverOrigin('http://host:8080')).toBe('http://host:8080');
  });
});
