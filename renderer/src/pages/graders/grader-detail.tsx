import { useChannelQuery } from '../../query/channel-query';
import { DetailFallback, VersionedDetail } from '../quality-shared/versioned-detail';
import { BuiltInBadge, CalibrationBadge, KindBadge, SecondJudgeBadge } from './grader-badges';
import { secondJudgeOf } from './second-judge-view';
import { GraderCalibration } from './grader-calibration';
import { GraderFormDialog } from './grader-form-dialog';
import { GRADER_TABS, openGraders, type GraderTab, type GraderView } from './grader-route';
import { GraderVersionBody } from './grader-version-view';
import { GraderVersions } from './grader-versions';
import { useCalibrationFlags } from './use-calibration-flags';

const TAB_LABELS: Record<GraderTab, string> = {
  overview: 'Overview',
  versions: 'Versions',
  calibration: 'Calibration',
};

/** One grader: header with its badges and actions, then overview, versions and calibration. */
export function GraderDetail({ view }: { view: GraderView & { id: string } }) {
  const got = useChannelQuery('graders.get', { id: view.id });
  const flags = useCalibrationFlags();
  if (!got.data) return <DetailFallback noun="grader" error={got.error} />;
  const { grader, versions } = got.data;
  return (
    <VersionedDetail
      noun="grader"
      item={grader}
      archiveChannel="graders.archive"
      align="center"
      badges={
        <>
          <KindBadge kind={grader.kind} />
          {grader.builtIn ? <BuiltInBadge /> : null}
          {secondJudgeOf(grader) !== null ? <SecondJudgeBadge /> : null}
          <CalibrationBadge flag={flags.get(grader.id)} />
          <span className="text-xs text-muted-foreground">v{grader.latest.version}</span>
        </>
      }
      onEdit={() => openGraders({ ...view, editing: true })}
      tabs={GRADER_TABS}
      tabLabels={TAB_LABELS}
      tab={view.tab}
      onTab={(tab) => openGraders({ ...view, tab, version: null })}
      panels={{
        overview: <GraderVersionBody version={grader.latest} />,
        versions: (
          <GraderVersions
            versions={versions}
            selected={view.version}
            onSelect={(version) => openGraders({ ...view, version })}
          />
        ),
        calibration: <GraderCalibration grader={grader} versions={versions} view={view} />,
      }}
    >
      {view.editing ? (
        <GraderFormDialog
          grader={grader}
          onClose={() => openGraders({ ...view, editing: false })}
        />
      ) : null}
    </VersionedDetail>
  );
}
