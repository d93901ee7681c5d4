import type { GraderView } from '../../../../shared/contract';
import { VersionedListPane, type ListPaneProps } from '../quality-shared/versioned-list-pane';
import { BuiltInBadge, CalibrationBadge, KindBadge } from './grader-badges';
import { scoreConfigText } from './score-config-text';
import { useCalibrationFlags } from './use-calibration-flags';

function GraderItem({ grader }: { grader: GraderView }) {
  const flags = useCalibrationFlags();
  return (
    <>
      <div className="flex min-w-0 items-center gap-1.5">
        <span className="truncate text-[13px] font-medium" title={grader.name}>
          {grader.name}
        </span>
        <span className="ml-auto flex shrink-0 gap-1">
          <CalibrationBadge flag={flags.get(grader.id)} />
          <KindBadge kind={grader.kind} />
        </span>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-1 text-[11px] text-muted-foreground">
        <span data-testid="grader-config">{scoreConfigText(grader.latest.scoreConfig)}</span>
        <span>· v{grader.latest.version}</span>
        {grader.builtIn ? <BuiltInBadge /> : null}
        {grader.archived ? <span data-testid="grader-archived">· archived</span> : null}
      </div>
    </>
  );
}

/** The left pane: New, the archived toggle and every grader (built-ins first, as seeded). */
export function GraderListPane(props: ListPaneProps<GraderView>) {
  return (
    <VersionedListPane
      {...props}
      title="Graders"
      noun="grader"
      className="w-80"
      itemClassName="gap-1"
      renderItem={(grader) => <GraderItem grader={grader} />}
    />
  );
}
