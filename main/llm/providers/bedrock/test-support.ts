import { afterAll, beforeAll, vi } from 'vitest';
import type { BedrockFake } from '../../../../test/fakes/bedrock-fake';
import type { BedrockConnection } from '../../connections';
import type { ChatRequest, ToolDefinition } from '../../types';

/**
 * Test-only: hides the machine's AWS setup for the file's tests, so no AWS_* variable, config
 * file, profile or instance metadata service can change what the SDK does.
 */
export function isolateAwsEnvironment(): void {
  beforeAll(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/assay-test/aws-config');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/assay-test/aws-credentials');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}

/** Explicit test keys and region, both endpoints on the fake: never the real chain or AWS. */
export function fakeConnection(fake: BedrockFake): BedrockConnection {
  return {
    region: 'us-east-1',
    profile: null,
    endpoint: fake.url,
    controlEndpoint: fake.controlUrl,
    accessKeyId: 'AKIDTEST',
    secretAccessKey: 'test-secret',
    sessionToken: null,
  };
}

export const SONNET_PROFILE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

export const chatRequest = (content: string, patch: Partial<ChatRequest> = {}): ChatRequest => ({
  provider: 'bedrock',
  model: SONNET_PROFILE,
  messages: [{ role: 'user', content }],
  ...patch,
});

export const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
