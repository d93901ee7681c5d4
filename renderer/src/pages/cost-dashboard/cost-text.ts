import type { StatsFigures } from '../../../../shared/contract/trace-insights';
import { fmtCount, fmtUsd } from '../../lib/format';

/** Cost with its unpriced calls apart: an unpriced call is never counted as $0. */
export function costText(f: StatsFigures): string {
  if (f.costUsd === null)
    return f.unpricedCount > 0 ? `${fmtCount(f.unpricedCount)} unpriced` : '-';
  return f.unpricedCount > 0
    ? `${fmtUsd(f.costUsd)} + ${fmtCount(f.unpricedCount)} unpriced`
    : fmtUsd(f.costUsd);
}
