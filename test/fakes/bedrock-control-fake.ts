import type { FakeRoute } from './fake-http';
import { errorHeaders, sendJson, type BedrockFake } from './bedrock-fake-shared';

/** The Bedrock control plane's model listing: ListFoundationModels and ListInferenceProfiles. */
const ARN = 'arn:aws:bedrock:us-east-1';
const FOUNDATION_MODELS: readonly [string, string, string, string[], string[]][] = [
  [
    'anthropic.claude-sonnet-4-5-20250929-v1:0',
    'Claude Sonnet 4.5',
    'Anthropic',
    ['TEXT', 'IMAGE'],
    ['INFERENCE_PROFILE'],
  ],
  [
    'anthropic.claude-3-5-haiku-20241022-v1:0',
    'Claude 3.5 Haiku',
    'Anthropic',
    ['TEXT'],
    ['ON_DEMAND', 'INFERENCE_PROFILE'],
  ],
  ['amazon.titan-text-express-v1', 'Titan Text G1 - Express', 'Amazon', ['TEXT'], ['ON_DEMAND']],
  ['meta.llama3-1-70b-instruct-v1:0', 'Llama 3.1 70B Instruct', 'Meta', ['TEXT'], ['ON_DEMAND']],
  [
    'mistral.mistral-large-2402-v1:0',
    'Mistral Large (24.02)',
    'Mistral AI',
    ['TEXT'],
    ['ON_DEMAND'],
  ],
  // An embedding model, so a client's output-modality filter has something to filter out.
  ['amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 'Amazon', ['TEXT'], ['ON_DEMAND']],
];
const SONNET = `${ARN}::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0`;
const APP_PROFILE_ARN = `${ARN}:123456789012:application-inference-profile/a1b2c3d4e5f6`;
const PROFILES = [
  {
    id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'US Claude Sonnet 4.5',
    type: 'SYSTEM_DEFINED',
  },
  {
    id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Global Claude Sonnet 4.5',
    type: 'SYSTEM_DEFINED',
  },
  { id: 'a1b2c3d4e5f6', arn: APP_PROFILE_ARN, name: 'team-chat-sonnet', type: 'APPLICATION' },
];

export function controlRoute(fake: BedrockFake, path: string): FakeRoute | null {
  if (path !== '/foundation-models' && path !== '/inference-profiles') return null;
  return ({ req, res }) => {
    if (fake.listingFault) {
      const { status, message = 'You are not authorized to perform this operation.' } =
        fake.listingFault;
      return sendJson(res, status, { message }, errorHeaders(status));
    }
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    if (path === '/foundation-models') {
      const modality = query.get('byOutputModality');
      const modelSummaries = FOUNDATION_MODELS.map(
        ([modelId, modelName, providerName, input, types]) => ({
          modelId,
          modelArn: `${ARN}::foundation-model/${modelId}`,
          modelName,
          providerName,
          inputModalities: input,
          outputModalities: [modelId.includes('embed') ? 'EMBEDDING' : 'TEXT'],
          responseStreamingSupported: !modelId.includes('embed'),
          inferenceTypesSupported: types,
          modelLifecycle: { status: 'ACTIVE' },
        }),
      ).filter((m) => modality === null || m.outputModalities.includes(modality));
      return sendJson(res, 200, { modelSummaries });
    }
    const all = PROFILES.filter((p) => p.type === (query.get('type') ?? 'SYSTEM_DEFINED'));
    const start = Number(query.get('nextToken') ?? 0);
    const end = start + Math.min(fake.profilePageSize, Number(query.get('maxResults') ?? 1000));
    const inferenceProfileSummaries = all.slice(start, end).map((p) => ({
      inferenceProfileId: p.id,
      inferenceProfileArn: p.arn ?? `${ARN}:123456789012:inference-profile/${p.id}`,
      inferenceProfileName: p.name,
      type: p.type,
      status: 'ACTIVE',
      models: [{ modelArn: SONNET }],
    }));
    return sendJson(res, 200, {
      inferenceProfileSummaries,
      ...(end < all.length ? { nextToken: String(end) } : {}),
    });
  };
}
