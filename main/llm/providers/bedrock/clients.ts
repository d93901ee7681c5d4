import { BedrockClient, type BedrockClientConfig } from '@aws-sdk/client-bedrock';
import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
} from '@aws-sdk/client-bedrock-runtime';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { BedrockConnection } from '../../connections';
import { capListingReplies } from './listing-guard';

/** Seams for tests and unusual networks; production passes nothing. */
export interface BedrockClientOverrides {
  /**
   * The runtime client's HTTP handler. Unset keeps the SDK's NodeHttp2Handler. Tests pass
   * `new NodeHttpHandler()` to prove ConverseStream also works over HTTP/1.1, which is what a
   * proxy that cannot speak HTTP/2 would need.
   */
  readonly runtimeRequestHandler?: BedrockRuntimeClientConfig['requestHandler'];
  /** The control-plane client's HTTP handler; unset keeps the SDK's HTTP/1.1 NodeHttpHandler. */
  readonly controlRequestHandler?: BedrockClientConfig['requestHandler'];
}

/** The settings both clients share: region, credentials, endpoint, no SDK retries. */
function sharedConfig(connection: BedrockConnection, endpoint: string | null) {
  const { accessKeyId, secretAccessKey, sessionToken, profile } = connection;
  const explicitKeys = accessKeyId !== null && secretAccessKey !== null;
  return {
    region: connection.region,
    // One attempt: retries, backoff and Retry-After belong to the call path, which counts and
    // traces every attempt. SDK retries would multiply them invisibly.
    maxAttempts: 1,
    ...(profile !== null ? { profile } : {}),
    ...(explicitKeys
      ? {
          credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
          // Explicit keys mean SigV4: otherwise an AWS_BEARER_TOKEN_BEDROCK in the environment
          // makes the SDK prefer bearer auth and the keys the user configured are ignored.
          authSchemePreference: ['sigv4'],
        }
      : profile !== null
        ? // A named profile (SSO, assume-role, process...) resolved by the full Node chain.
          { credentials: fromNodeProviderChain({ profile }) }
        : {}), // No credentials given: the SDK's default chain (env, SSO, ini, process, IMDS).
    ...(endpoint !== null
      ? // A custom endpoint is authoritative. Left on, FIPS or dual-stack flags from the user's
        // AWS config make the endpoint rules reject it ("FIPS and custom endpoint are not
        // supported"), so they are switched off explicitly.
        { endpoint, useFipsEndpoint: false, useDualstackEndpoint: false }
      : {}),
  };
}

/**
 * The runtime client (Converse, ConverseStream). Its default handler, NodeHttp2Handler, is kept:
 * it is what AWS ships and tests Bedrock Runtime with (its bidirectional stream API needs
 * HTTP/2), and ConverseStream runs on it as well as on HTTP/1.1, so switching would only move us
 * off the tested path. The Bedrock fake serves h2c, so tests exercise the same HTTP/2 code that
 * production runs; `runtimeRequestHandler` exists for networks that cannot carry HTTP/2.
 */
export function createBedrockRuntimeClient(
  connection: BedrockConnection,
  overrides: BedrockClientOverrides = {},
): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    ...sharedConfig(connection, connection.endpoint),
    ...(overrides.runtimeRequestHandler ? { requestHandler: overrides.runtimeRequestHandler } : {}),
  });
}

/** The control-plane client (model and inference-profile listing), on its own endpoint. */
export function createBedrockControlClient(
  connection: BedrockConnection,
  overrides: BedrockClientOverrides = {},
): BedrockClient {
  return capListingReplies(
    new BedrockClient({
      ...sharedConfig(connection, connection.controlEndpoint),
      ...(overrides.controlRequestHandler
        ? { requestHandler: overrides.controlRequestHandler }
        : {}),
    }),
  );
}
