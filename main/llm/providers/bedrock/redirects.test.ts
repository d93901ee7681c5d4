import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import { listenFake, type FakeServer } from '../../../../test/fakes/fake-http';
import { redirectAllTo } from '../../../../test/fakes/redirects';
import { ProviderError } from '../../provider-error';
import { createBedrockProvider } from './provider';
import { chatRequest, fakeConnection, isolateAwsEnvironment } from './test-support';

isolateAwsEnvironment();

// The AWS SDK's handlers (NodeHttp2Handler by default, NodeHttpHandler for HTTP/1.1 and the
// control plane) send one request and hand any answer to the deserializer: a redirect is an
// error answer like any other, so the signed request (SigV4 Authorization, session token) is
// never sent anywhere else. These tests hold the SDK to that.
describe.each([
  { transport: 'h2c (default handler)', h2c: true },
  { transport: 'HTTP/1.1 (NodeHttpHandler)', h2c: false },
])('Bedrock on a redirect, $transport', ({ h2c }) => {
  let target: BedrockFake;
  let mover: FakeServer;
  let controlMover: FakeServer;

  beforeAll(async () => {
    target = await startBedrockFake({ h2c });
    const errorBody = (_status: number, message: string) => ({ message });
    mover = await listenFake(
      redirectAllTo(() => target.url),
      { h2c, errorBody },
    );
    controlMover = await listenFake(
      redirectAllTo(() => target.controlUrl),
      { errorBody },
    );
  });
  afterAll(() => Promise.all([target.close(), mover.close(), controlMover.close()]));

  it.each([307, 308, 301, 302, 303])('does not follow a %i, streaming or not', async (status) => {
    const errorBody = (_s: number, message: string) => ({ message });
    const moving = await listenFake(
      redirectAllTo(() => target.url, status),
      { h2c, errorBody },
    );
    try {
      const provider = createBedrockProvider(
        { ...fakeConnection(target), endpoint: moving.url, sessionToken: 'session-token-123456' },
        h2c ? {} : { runtimeRequestHandler: new NodeHttpHandler() },
      );
      for (const options of [{}, { onDelta: () => undefined }]) {
        const err = await provider.chat(chatRequest('hi'), options).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ProviderError);
        expect(err).toMatchObject({
          errorClass: 'unknown',
          retryable: false,
          message: `bedrock: the endpoint answered HTTP ${status} (a redirect), which is not followed; check the Bedrock endpoint setting`,
        });
      }
      // Both calls reached the redirecting server, signed; neither went on to the target.
      expect(moving.requests).toHaveLength(2);
      expect(moving.requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
      expect(moving.requests[0]!.headers['x-amz-security-token']).toBe('session-token-123456');
      expect(target.requests).toHaveLength(0);
    } finally {
      await moving.close();
    }
  });

  it('does not follow one when listing models on the control plane', async () => {
    const provider = createBedrockProvider({
      ...fakeConnection(target),
      endpoint: mover.url,
      controlEndpoint: controlMover.url,
    });
    await expect(provider.listModels()).rejects.toBeInstanceOf(ProviderError);
    expect(controlMover.requests.length).toBeGreaterThan(0);
    expect(target.control.requests).toHaveLength(0);
  });
});
