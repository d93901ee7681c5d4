import { Archive, ArchiveRestore, LoaderCircle, Pencil } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
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
  const archive = useChannelMutation('graders.archive');
  if (got.error && !got.data)
    return (
      <p className="p-6 text-sm text-destructive" data-testid="grader-error">
        {got.error.toString()}
      </p>
    );
  if (!got.data) return <LoaderCircle className="m-6 size-4 animate-spin" />;
  const { grader, versions } = got.data;
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: grader.id, archived },
      {
        onSuccess: () => toast.success(`${archived ? 'Archived' : 'Restored'} ${grader.name}`),
        onError: (err) => toast.error(err.toString()),
      },
    );
  return (
    <div className="flex flex-col gap-4 px-8 py-5" data-testid="grader-detail">
      <header className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-lg font-semibold tracking-tight" data-testid="grader-name">
              {grader.name}
            </h2>
            <KindBadge kind={grader.kind} />
            {grader.builtIn ? <BuiltInBadge /> : null}
            {secondJudgeOf(grader) !== null ? <SecondJudgeBadge /> : null}
            <CalibrationBadge flag={flags.get(grader.id)} />
            <span className="text-xs text-muted-foreground">v{grader.latest.version}</span>
            {grader.archived ? (
              <span className="text-xs text-muted-foreground">archived</span>
            ) : null}
          </div>
          {grader.description ? (
            <p className="text-sm text-muted-foreground">{grader.description}</p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="outline"
            data-testid="edit-grader"
            onClick={() => openGraders({ ...view, editing: true })}
          >
            <Pencil />
            Edit
          </Button>
          <Button
            size="sm"
            variant="outline"
            data-testid="archive-grader"
            disabled={archive.isPending}
            onClick={() => setArchived(!grader.archived)}
          >
            {grader.archived ? <ArchiveRestore /> : <Archive />}
            {grader.archived ? 'Restore' : 'Archive'}
          </Button>
        </div>
      </header>
      <Tabs
        value={view.tab}
        onValueChange={(tab) => openGraders({ ...view, tab: tab as GraderTab, version: null })}
      >
        <TabsList>
          {GRADER_TABS.map((tab) => (
            <TabsTrigger key={tab} value={tab} data-testid={`grader-tab-${tab}`}>
              {TAB_LABELS[tab]}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="overview" className="pt-4">
          <GraderVersionBody version={grader.latest} />
        </TabsContent>
        <TabsContent value="versions" className="pt-4">
          <GraderVersions
            versions={versions}
            selected={view.version}
            onSelect={(version) => openGraders({ ...view, version })}
          />
        </TabsContent>
        <TabsContent value="calibration" className="pt-4">
          <GraderCalibration grader={grader} versions={versions} view={view} />
        </TabsContent>
      </Tabs>
      {view.editing ? (
        <GraderFormDialog
          grader={grader}
          onClose={() => openGraders({ ...view, editing: false })}
        />
      ) : null}
    </div>
  );
}
