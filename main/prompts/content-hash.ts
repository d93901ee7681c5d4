import { createHash } from 'node:crypto';
import type { PromptContent } from '../../shared/contract';
import { canonicalJson } from '../kit/canonical-json';

/**
 * sha256 (hex) of the content's canonical JSON: key order and absent optional members do not
 * change it, so "is this edit a change?" and "is this imported version the same?" are one
 * comparison.
 */
export function hashContent(content: PromptContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
