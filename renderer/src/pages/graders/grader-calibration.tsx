import { LoaderCircle } from 'lucide-react';
import type { Calibration, GraderVersionView, GraderView } from '../../../../shared/contract';
import { KAPPA_BAR } from '../../../../shared/contract';
import { OptionSelect } from '../../components/ui/option-select';
import { Label } from '../../components/ui/label';
import { useChannelQuery } from '../../query/channel-query';
import { cn } from '../../lib/utils';
import { TargetLink } from '../scorecards/target-link';
import { AgreementMatrix } from './agreement-matrix';
import { graderHref, openGraders, type GraderView as RouteView } from './grader-route';
import { SecondJudgePanel } from './second-judge-panel';
import { calibrationReferences, secondJudgeOf } from './second-judge-view';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

const LABELLING_NOTES: Record<Calibration['labelling'], string> = {
  levels: 'Compared by level name.',
  boolean: 'Compared as pass / fail.',
  bins: 'Numeric scores are compared in quarters of the range (a 7 and an 8 on 0–10 fall in different quarters).',
};

function Figures({ c }: { c: Calibration }) {
  const cards: [string, string, string, boolean][] = [
    ['Pairs', String(c.n), 'calibration-n', false],
    ['Exact agreement', pct(c.exact), 'calibration-exact', false],
    ["Cohen's kappa", c.kappa === null ? '–' : c.kappa.toFixed(3), 'calibration-kappa', c.flagged],
    ['Reference targets', String(c.referenceTargets), 'calibration-reference-targets', false],
  ];
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
      {cards.map(([label, value, testId, bad]) => (
        <div
          key={label}
          className={cn('rounded-md border px-3 py-2', bad && 'border-destructive/50')}
        >
          <div className="text-[11px] text-muted-foreground">{label}</div>
          <div
            className={cn('text-sm font-semibold', bad && 'text-destructive')}
            data-testid={testId}
          >
            {value}
          </div>
        </div>
      ))}
    </div>
  );
}

function Disagreements({ c }: { c: Calibration }) {
  if (c.disagreements.length === 0)
    return <p className="text-xs text-muted-foreground">No disagreements.</p>;
  return (
    <table className="w-full text-xs" data-testid="calibration-disagreements">
      <thead className="text-left text-muted-foreground">
        <tr>
          <th className="py-1 pr-3 font-medium">Target</th>
          <th className="py-1 pr-3 font-medium">Reference</th>
          <th className="py-1 pr-3 font-medium">Judge</th>
          <th className="py-1 font-medium">Judge's reason</th>
        </tr>
      </thead>
      <tbody>
        {c.disagreements.map((d) => (
          <tr key={d.judgeScoreId} className="border-t align-top">
            <td className="py-1 pr-3">
              <TargetLink link={d.link} />
            </td>
            <td className="py-1 pr-3">{d.reference}</td>
            <td className="py-1 pr-3">{d.judge}</td>
            <td className="py-1 text-muted-foreground">{d.judgeReason ?? ''}</td>
          </tr>
        ))}
      </tbody>
      {c.disagreementsOmitted > 0 ? (
        <caption className="caption-bottom pt-1 text-left text-muted-foreground">
          and {c.disagreementsOmitted} more
        </caption>
      ) : null}
    </table>
  );
}

interface GraderCalibrationProps {
  readonly grader: GraderView;
  readonly versions: readonly GraderVersionView[];
  readonly view: RouteView & { id: string };
}

/**
 * How far this grader agrees with a reference on the targets both scored: people's scores
 * under this grader by default, or another grader with the same kind of scale.
 */
export function GraderCalibration({ grader, versions, view }: GraderCalibrationProps) {
  const others = useChannelQuery('graders.list', { includeArchived: false });
  const references = calibrationReferences(others.data?.graders ?? [], grader);
  const copies = secondJudgeOf(grader);
  const calibration = useChannelQuery(
    'graders.calibration',
    grader.kind === 'human'
      ? null
      : {
          id: grader.id,
          ...(view.reference ? { referenceGraderId: view.reference } : {}),
          ...(view.version ? { version: view.version } : {}),
        },
    { retry: false },
  );
  const c = calibration.data;
  if (grader.kind === 'human')
    return (
      <p className="text-sm text-muted-foreground" data-testid="calibration-human">
        People's scores are what judges are calibrated against: pick this grader as the reference on
        a judge's Calibration tab.
      </p>
    );
  return (
    <div className="flex flex-col gap-4" data-testid="grader-calibration">
      {grader.kind === 'llm_judge' && copies === null ? (
        <SecondJudgePanel
          judge={grader}
          onDone={(reference) => openGraders({ ...view, reference })}
        />
      ) : null}
      {copies !== null ? (
        <p className="text-xs text-muted-foreground" data-testid="second-judge-of">
          This grader is a second judge: its scores are the reference of{' '}
          <a
            className="underline"
            href={`#${graderHref({ id: copies, tab: 'calibration', reference: grader.id })}`}
          >
            the judge it copies
          </a>
          .
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="calibration-reference">Reference</Label>
          <OptionSelect
            id="calibration-reference"
            data-testid="calibration-reference"
            className="w-72"
            value={view.reference ?? ''}
            onValueChange={(reference) => openGraders({ ...view, reference: reference || null })}
            options={[
              { value: '', label: "People's scores under this grader" },
              ...references.map((g) => ({
                value: g.id,
                label: g.name,
                testId: `calibration-reference-${g.id}`,
              })),
            ]}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="calibration-version">Judge version</Label>
          <OptionSelect
            id="calibration-version"
            data-testid="calibration-version"
            className="w-40"
            value={view.version ? String(view.version) : ''}
            onValueChange={(v) => openGraders({ ...view, version: v ? Number(v) : null })}
            options={[
              { value: '', label: 'Every version' },
              ...[...versions]
                .reverse()
                .map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
            ]}
          />
        </div>
      </div>
      {calibration.error ? (
        <p className="text-sm text-destructive" data-testid="calibration-error">
          {calibration.error.toString()}
        </p>
      ) : !c ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : c.n === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="calibration-empty">
          {c.reference.kind === 'grader'
            ? `No target has both a score from this grader and one from ${c.reference.graderName} yet.`
            : 'No target has both a score from this grader and one from the reference yet. Review some of its targets (as a person, under this grader) to calibrate it.'}
        </p>
      ) : (
        <>
          <Figures c={c} />
          {c.flagged ? (
            <p className="text-xs text-destructive" data-testid="calibration-flagged">
              {c.reference.kind === 'human'
                ? `Agreement is under kappa ${KAPPA_BAR}: this judge's scores are marked wherever they appear until it is recalibrated.`
                : `Agreement with ${c.reference.graderName} is under kappa ${KAPPA_BAR}: the two judges often disagree (only agreement with people marks a judge's scores).`}
            </p>
          ) : null}
          <p className="text-xs text-muted-foreground">{LABELLING_NOTES[c.labelling]}</p>
          <AgreementMatrix calibration={c} />
          <h3 className="text-sm font-semibold">Disagreements</h3>
          <Disagreements c={c} />
        </>
      )}
    </div>
  );
}
