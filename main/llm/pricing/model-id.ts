import type { ProviderId } from '../../../shared/contract';

const BEDROCK_REGION_PREFIX = /^(us|us-gov|eu|apac|jp|au|ca|global)\./;
// OpenAI snapshots (`gpt-4o-2024-08-06`) and Anthropic-style dates (`…-20241022`).
const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * Ids to try, most specific first, when looking up a model's price: the id itself, then for
 * Bedrock the id without its cross-region inference-profile prefix, then without a dated
 * snapshot suffix (so `gpt-4o-2024-08-06` is priced as `gpt-4o`).
 */
export function priceLookupIds(provider: ProviderId, model: string): string[] {
  const ids = [model];
  if (provider === 'bedrock') {
    const base = model.replace(BEDROCK_REGION_PREFIX, '');
    if (base !== model) ids.push(base);
  }
  const undated = model.replace(DATE_SUFFIX, '');
  if (undated !== model) ids.push(undated);
  return ids;
}
