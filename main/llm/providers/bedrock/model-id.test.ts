import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bedrockBaseModelId, isBedrockArn } from './model-id';

const PREFIXES = ['us', 'us-gov', 'eu', 'apac', 'jp', 'au', 'ca', 'global'];

// Foundation ids as Bedrock spells them: `<provider>.<model>[-vN][:M]`. Providers never collide
// with a geography prefix.
const segment = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const foundationId = fc
  .tuple(
    fc.constantFrom('anthropic', 'amazon', 'meta', 'mistral', 'cohere', 'ai21', 'deepseek', 'qwen'),
    segment,
    fc.option(fc.nat({ max: 9 }), { nil: undefined }),
    fc.option(fc.nat({ max: 9 }), { nil: undefined }),
  )
  .map(
    ([provider, model, v, minor]) =>
      `${provider}.${model}${v === undefined ? '' : `-v${v}`}${minor === undefined ? '' : `:${minor}`}`,
  );

describe('bedrockBaseModelId', () => {
  it.each([
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic.claude-3-5-haiku-20241022-v1:0'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0'],
    [
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    ],
    ['apac.amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0'],
    ['anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic.claude-3-5-haiku-20241022-v1:0'],
    ['amazon.titan-text-express-v1', 'amazon.titan-text-express-v1'],
    [
      'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-3-5-haiku-20241022-v1:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6',
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6',
    ],
  ])('%s -> %s', (id, base) => {
    expect(bedrockBaseModelId(id)).toBe(base);
  });

  it('strips any cross-region prefix and keeps the rest, version suffix included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), foundationId, (prefix, id) => {
        expect(bedrockBaseModelId(`${prefix}.${id}`)).toBe(id);
      }),
    );
  });

  it('leaves foundation ids alone and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...PREFIXES), { nil: undefined }),
        foundationId,
        (prefix, id) => {
          const once = bedrockBaseModelId(prefix === undefined ? id : `${prefix}.${id}`);
          expect(once).toBe(id);
          expect(bedrockBaseModelId(once)).toBe(once);
        },
      ),
    );
  });

  it('returns application inference profile ARNs unchanged', () => {
    const arn = fc
      .tuple(
        fc.constantFrom('aws', 'aws-us-gov', 'aws-cn'),
        fc.constantFrom('us-east-1', 'eu-west-1'),
        fc.stringMatching(/^\d{12}$/),
        fc.stringMatching(/^[a-z0-9]{12}$/),
      )
      .map(
        ([partition, region, account, id]) =>
          `arn:${partition}:bedrock:${region}:${account}:application-inference-profile/${id}`,
      );
    fc.assert(
      fc.property(arn, (id) => {
        expect(isBedrockArn(id)).toBe(true);
        expect(bedrockBaseModelId(id)).toBe(id);
      }),
    );
  });
});
