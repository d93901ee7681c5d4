/**
 * Bedrock model ids come in three shapes, all passed to Converse unchanged:
 * - foundation model ids: `anthropic.claude-3-5-haiku-20241022-v1:0`
 * - cross-region (system-defined) inference profile ids: `us.anthropic.claude-…-v1:0`
 * - ARNs, e.g. application inference profiles:
 *   `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6`
 */

// The geography prefixes AWS uses for system-defined inference profiles. `us-gov` must be tried
// before `us`, which the alternation order does.
const CROSS_REGION_PREFIX = /^(?:us-gov|us|eu|apac|jp|au|ca|global)\./;

/** True for any Bedrock ARN (application profile, provisioned or custom model...). */
export function isBedrockArn(id: string): boolean {
  return id.startsWith('arn:');
}

// Resource types whose ARN embeds the model or system profile id itself.
const ID_BEARING_ARN =
  /^arn:aws[\w-]*:bedrock:[\w-]*:\d*:(?:foundation-model|inference-profile)\/(.+)$/;

/**
 * The foundation model id behind `id`, for price lookup: the cross-region prefix is stripped and
 * the version suffix (`-v1:0`) kept, since the catalog lists full ids. Foundation-model and
 * system-profile ARNs carry that id; any other ARN (an application inference profile, a
 * provisioned or custom model) needs a control-plane lookup, so it is returned unchanged.
 */
export function bedrockBaseModelId(id: string): string {
  if (isBedrockArn(id)) {
    const embedded = ID_BEARING_ARN.exec(id)?.[1];
    return embedded === undefined ? id : embedded.replace(CROSS_REGION_PREFIX, '');
  }
  return id.replace(CROSS_REGION_PREFIX, '');
}
