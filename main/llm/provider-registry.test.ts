import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error';
import { ProviderRegistry, type ProviderFactories } from './provider-registry';
import type { Connections } from './resolve-connections';
import type { LlmProvider } from './types';

// Keys of no well-known shape: only the configured values can cut them out.
const KEYS = {
  local: 'gateway-key-0a1b2c3d4e',
  awsId: 'AKIDLOCALTESTING01',
  awsSecret: 'aws-secret-value-9z8y7x',
  awsSession: 'aws-session-token-5w4v3u',
};

const connections: Connections = {
  openai: { apiKey: 'sk-unused-0000000000000000', baseUrl: null },
  anthropic: { apiKey: null, baseUrl: null },
  bedrock: {
    region: 'us-east-1',
    profile: null,
    endpoint: null,
    controlEndpoint: null,
    accessKeyId: KEYS.awsId,
    secretAccessKey: KEYS.awsSecret,
    sessionToken: KEYS.awsSession,
  },
  local: { baseUrl: 'http://127.0.0.1:1/v1', apiKey: KEYS.local },
};

/** A provider whose every operation fails echoing the given text, as a provider's 401 may. */
function echoing(id: LlmProvider['id'], echo: string): LlmProvider {
  const fail = (): never => {
    throw new ProviderError({
      provider: id,
      errorClass: 'auth',
      status: 401,
      message: `bad credentials: ${echo}`,
      cause: new Error(`raw body ${echo}`),
    });
  };
  return {
    id,
    listModels: async () => fail(),
    chat: async () => fail(),
    embed: async () => fail(),
  };
}

describe('ProviderRegistry', () => {
  it("cuts the connection's own keys out of whatever its provider throws", async () => {
    const factories = {
      local: () => echoing('local', KEYS.local),
      bedrock: () => echoing('bedrock', `${KEYS.awsId} ${KEYS.awsSecret} ${KEYS.awsSession}`),
    } as unknown as ProviderFactories;
    const registry = new ProviderRegistry(() => connections, factories);
    for (const id of ['local', 'bedrock'] as const) {
      const provider = registry.get(id);
      const request = { provider: id, model: 'm', messages: [] };
      for (const run of [
        () => provider.chat(request),
        () => provider.listModels(),
        () => provider.embed!('m', ['x']),
      ]) {
        const err = await run().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ProviderError);
        const shown = `${(err as Error).message}\n${inspect(err, { depth: 10 })}`;
        for (const key of Object.values(KEYS)) expect(shown).not.toContain(key);
        expect((err as ProviderError).errorClass).toBe('auth');
      }
    }
  });

  it('keeps a provider without embeddings without them', () => {
    const noEmbed = { ...echoing('local', 'x'), embed: undefined };
    const registry = new ProviderRegistry(() => connections, {
      local: () => noEmbed,
    } as unknown as ProviderFactories);
    expect(registry.get('local').embed).toBeUndefined();
  });
});
