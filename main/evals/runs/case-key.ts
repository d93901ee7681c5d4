import crypto from 'node:crypto';
import { canonicalJson } from '../../kit/canonical-json';

/**
 * A case's identity across runs: a hash of its variables. Runs of the same dataset (or of a
 * suite file imported again) align by what was asked, so an edited input is a new case and
 * comparisons never pair unrelated cases. Identical inputs get `#2`, `#3` … in order.
 */
export function caseKeys(varsList: readonly Readonly<Record<string, string>>[]): string[] {
  const seen = new Map<string, number>();
  return varsList.map((vars) => {
    const hash = crypto.createHash('sha256').update(canonicalJson(vars)).digest('hex').slice(0, 16);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? hash : `${hash}#${n}`;
  });
}
