import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import { ProviderError } from '../../provider-error';
import { createBedrockProvider } from './provider';
import { fakeConnection, isolateAwsEnvironment } from './test-support';

isolateAwsEnvironment();

const EXPECTED = [
  // On-demand text models; Sonnet 4.5 (inference profiles only) and the embedder are left out.
  { id: 'anthropic.claude-3-5-haiku-20241022-v1:0', name: 'Claude 3.5 Haiku' },
  { id: 'amazon.titan-text-express-v1', name: 'Titan Text G1 - Express' },
  { id: 'meta.llama3-1-70b-instruct-v1:0', name: 'Llama 3.1 70B Instruct' },
  { id: 'mistral.mistral-large-2402-v1:0', name: 'Mistral Large (24.02)' },
  { id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', name: 'US Claude Sonnet 4.5' },
  { id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', name: 'Global Claude Sonnet 4.5' },
  {
    id: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6',
    name: 'team-chat-sonnet',
  },
].map((m) => ({ ...m, provider: 'bedrock', source: 'live' }));

// The control-plane client speaks HTTP/1.1. With an h2c fake it uses the fake's HTTP/1.1
// `controlUrl`; with an HTTP/1.1 fake one URL serves both planes.
describe.each([true, false])('listModels (h2c fake: %s)', (h2c) => {
  let fake: BedrockFake;

  // A fresh fake per test: a failed listing cancels its sibling requests, but one already on
  // the wire could still reach the fake and take the next test's fault.
  beforeEach(async () => {
    fake = await startBedrockFake({ h2c });
  });
  afterEach(() => fake.close());

  it('lists foundation models, then system and application inference profiles', async () => {
    const models = await createBedrockProvider(fakeConnection(fake)).listModels();
    expect(models).toEqual(EXPECTED);
    const paths = fake.control.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/foundation-models')).toHaveLength(1);
    // Pages of one profile: two SYSTEM_DEFINED pages plus one APPLICATION page, nextToken followed.
    expect(paths.filter((p) => p === '/inference-profiles')).toHaveLength(3);
    const auth = fake.control.requests[0]?.headers['authorization'];
    expect(auth).toMatch(/Credential=AKIDTEST\/\d{8}\/us-east-1\/bedrock\//);
  });

  it('a refused listing throws a ProviderError (auth), once, for the caller to fall back', async () => {
    fake.listingFault = {
      status: 403,
      message: 'User is not authorized to perform: bedrock:ListFoundationModels',
    };
    const err = await createBedrockProvider(fakeConnection(fake))
      .listModels()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ errorClass: 'auth', status: 403, provider: 'bedrock' });
    expect((err as ProviderError).message).toContain('bedrock:ListFoundationModels');
  });

  it('a status fault on the control plane is classified too', async () => {
    fake.control.faults.enqueue({ kind: 'status', status: 429 });
    const err = await createBedrockProvider(fakeConnection(fake))
      .listModels()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errorClass: 'rate_limited', status: 429 });
  });

  it('an abort is aborted', async () => {
    fake.control.faults.enqueue({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await createBedrockProvider(fakeConnection(fake))
      .listModels(controller.signal)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errorClass: 'aborted' });
  });
});
