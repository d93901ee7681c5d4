import { useMemo } from 'react';
import type { CalibrationFlag } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

/**
 * Every LLM judge's agreement with people, by grader id: one query shared by every place a
 * judge's scores appear (the graders list, a grader's page, a scorecard's items and dashboard).
 */
export function useCalibrationFlags(): ReadonlyMap<string, CalibrationFlag> {
  const { data } = useChannelQuery('graders.calibrationFlags', {}, { staleTime: 30_000 });
  return useMemo(() => new Map((data?.graders ?? []).map((f) => [f.graderId, f])), [data]);
}
