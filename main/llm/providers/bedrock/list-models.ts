import {
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type BedrockClient,
  type InferenceProfileSummary,
  type InferenceProfileType,
} from '@aws-sdk/client-bedrock';
import type { ModelInfo } from '../../types';

/**
 * Foundation models that produce text and can be called on demand by their own id. Models
 * offered only through inference profiles (`inferenceTypesSupported: ['INFERENCE_PROFILE']`)
 * reject on-demand calls, so they appear through their profiles instead.
 */
async function foundationModels(
  client: BedrockClient,
  signal: AbortSignal | undefined,
): Promise<ModelInfo[]> {
  const out = await client.send(new ListFoundationModelsCommand({ byOutputModality: 'TEXT' }), {
    abortSignal: signal,
  });
  return (out.modelSummaries ?? [])
    .filter((m) => (m.outputModalities ?? []).includes('TEXT'))
    .filter((m) => (m.inferenceTypesSupported ?? ['ON_DEMAND']).includes('ON_DEMAND'))
    .flatMap((m): ModelInfo[] =>
      m.modelId
        ? [{ id: m.modelId, provider: 'bedrock', name: m.modelName ?? m.modelId, source: 'live' }]
        : [],
    );
}

/** All profiles of one type, following nextToken until the listing ends. */
async function profiles(
  client: BedrockClient,
  typeEquals: InferenceProfileType,
  signal: AbortSignal | undefined,
): Promise<InferenceProfileSummary[]> {
  const all: InferenceProfileSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListInferenceProfilesCommand({ typeEquals, nextToken }), {
      abortSignal: signal,
    });
    all.push(...(page.inferenceProfileSummaries ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/**
 * Live models: on-demand foundation models, then inference profiles. System-defined profiles
 * are called by id (`us.anthropic…`); application profiles only by ARN, so they are listed so.
 */
export async function listBedrockModels(
  client: BedrockClient,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  // The three listings run in parallel; the first failure cancels the others, so a failed
  // listing does not leave requests running behind the error the caller already has.
  const siblings = new AbortController();
  const follow = (): void => siblings.abort(signal?.reason);
  if (signal?.aborted) follow();
  signal?.addEventListener('abort', follow, { once: true });
  const cancelOthers = (err: unknown): never => {
    siblings.abort();
    throw err;
  };
  const [foundation, system, application] = await Promise.all([
    foundationModels(client, siblings.signal).catch(cancelOthers),
    profiles(client, 'SYSTEM_DEFINED', siblings.signal).catch(cancelOthers),
    profiles(client, 'APPLICATION', siblings.signal).catch(cancelOthers),
  ]).finally(() => signal?.removeEventListener('abort', follow));
  const profileInfo = (p: InferenceProfileSummary, id: string | undefined): ModelInfo[] =>
    id && (p.status ?? 'ACTIVE') === 'ACTIVE'
      ? [{ id, provider: 'bedrock', name: p.inferenceProfileName ?? id, source: 'live' }]
      : [];
  const models = [
    ...foundation,
    ...system.flatMap((p) => profileInfo(p, p.inferenceProfileId)),
    ...application.flatMap((p) => profileInfo(p, p.inferenceProfileArn)),
  ];
  // One entry per id, first listing wins.
  return [...new Map(models.map((m) => [m.id, m])).values()];
}
