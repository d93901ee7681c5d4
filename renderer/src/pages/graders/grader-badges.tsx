import { TriangleAlert } from 'lucide-react';
import type { CalibrationFlag, GraderKind } from '../../../../shared/contract';
import { KAPPA_BAR } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { KIND_LABELS } from './score-config-text';

export function KindBadge({ kind }: { kind: GraderKind }) {
  return (
    <Badge variant="outline" data-testid="grader-kind">
      {KIND_LABELS[kind]}
    </Badge>
  );
}

export function BuiltInBadge() {
  return (
    <Badge variant="secondary" data-testid="grader-built-in">
      Built-in
    </Badge>
  );
}

/** A judge copied onto another model to calibrate the judge it names. */
export function SecondJudgeBadge() {
  return (
    <Badge
      variant="secondary"
      data-testid="grader-second-judge"
      title="A copy of a judge on another model, kept as the reference of its calibration"
    >
      Second judge
    </Badge>
  );
}

/**
 * The warning a judge carries while its agreement with people is under the bar: wherever its
 * scores are shown, so nobody reads them without knowing.
 */
export function CalibrationBadge({ flag }: { flag: CalibrationFlag | undefined }) {
  if (!flag?.flagged || flag.kappa === null) return null;
  return (
    <Badge
      variant="destructive"
      data-testid="grader-kappa-flag"
      title={`Agreement with people on ${flag.n} targets: Cohen's kappa ${flag.kappa.toFixed(2)}, under ${KAPPA_BAR}`}
    >
      <TriangleAlert />
      {`kappa < ${KAPPA_BAR}`}
    </Badge>
  );
}
