import { useQueryClient } from '@tanstack/react-query';
import { LoaderCircle, Scale, Square } from 'lucide-react';
import { useEffect, useEffectEvent, useState } from 'react';
import type { z } from 'zod';
import {
  SECOND_JUDGE_DEFAULT_SAMPLE,
  secondJudgeStartSchema,
  type GraderView,
  type SecondJudgeJob,
} from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { invalidateChannels, useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { JudgeModelFields } from './judge-model-fields';
import { NumberInput } from './number-input';
import { showServerError } from './show-server-error';
import { jobShare, jobSummary } from './second-judge-view';

/** The start channel's input without the judge, which the page names. */
const formSchema = secondJudgeStartSchema.omit({ graderId: true });
type FormValues = z.input<typeof formSchema>;

function JobProgress({ job, onCancel }: { job: SecondJudgeJob; onCancel: () => void }) {
  const running = job.state === 'running';
  return (
    <div className="flex flex-col gap-1.5" data-testid="second-judge-job">
      <div className="flex items-center gap-3">
        <div
          className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.done}
        >
          <div
            className="h-full bg-primary transition-[width]"
            style={{ width: `${(jobShare(job) * 100).toFixed(1)}%` }}
          />
        </div>
        {running ? (
          <Button size="sm" variant="outline" data-testid="second-judge-cancel" onClick={onCancel}>
            <Square />
            Cancel
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-muted-foreground" data-testid="second-judge-progress">
        {jobSummary(job)}
      </p>
      {job.error ? (
        <p className="text-xs text-destructive" data-testid="second-judge-error">
          {job.error}
        </p>
      ) : null}
      {!running && job.problems.length > 0 ? (
        <ul className="list-inside list-disc text-xs text-muted-foreground">
          {job.problems.slice(0, 5).map((p) => (
            <li key={p.target.id}>
              <span className="font-mono">{p.target.id.slice(-8)}</span>: {p.reason}
            </li>
          ))}
          {job.problems.length > 5 ? <li>and {job.problems.length - 5} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

interface SecondJudgePanelProps {
  readonly judge: GraderView;
  /** A job this page started has ended: its second judge becomes the reference. */
  readonly onDone: (secondJudgeId: string) => void;
}

/**
 * "Compare with a second judge": the judge copied onto another model grades its most recent
 * targets in the background; the progress shows here, and once the job this page started ends
 * its copy is the calibration's reference.
 */
export function SecondJudgePanel({ judge, onDone }: SecondJudgePanelProps) {
  const definition = judge.latest.definition;
  const suggested = definition.kind === 'llm_judge' ? definition.secondModel : undefined;
  const form = useContractForm(formSchema, {
    provider: suggested?.provider ?? 'local',
    model: suggested?.model ?? '',
    sampleSize: SECOND_JUDGE_DEFAULT_SAMPLE,
  });
  const queryClient = useQueryClient();
  /** The job this page started: its end makes its copy the reference. */
  const [watching, setWatching] = useState<string | null>(null);
  const jobs = useChannelQuery(
    'graders.secondJudge.jobs',
    { graderId: judge.id },
    {
      refetchInterval: (q) =>
        q.state.data?.jobs.some((j) => j.state === 'running') ? 1_000 : false,
    },
  );
  const start = useChannelMutation('graders.secondJudge.start', { meta: { form: true } });
  const cancel = useChannelMutation('graders.secondJudge.cancel');
  const latest = jobs.data?.jobs[0];
  const ended = jobs.data?.jobs.find((j) => j.id === watching && j.state !== 'running');
  const finish = useEffectEvent(() => {
    if (!ended) return;
    // The copy's scores are in: calibration and the reference list read them again.
    void invalidateChannels(queryClient, ['graders.calibration', 'graders.list']);
    onDone(ended.secondJudge.id);
  });
  // Once per job that ends (its id is the dependency).
  const endedId = ended?.id;
  useEffect(() => {
    if (endedId !== undefined) finish();
  }, [endedId]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const job = await start.mutateAsync({ graderId: judge.id, ...values });
      setWatching(job.id);
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <section
      className="flex flex-col gap-3 rounded-md border p-3"
      data-testid="second-judge-panel"
      aria-labelledby="second-judge-title"
    >
      <div>
        <h3 id="second-judge-title" className="text-sm font-semibold">
          Compare with a second judge
        </h3>
        <p className="text-xs text-muted-foreground">
          The same judge prompt, rubric and scale on another model (a local one, say) grades the
          targets this judge scored most recently; its verdicts become the reference below.
        </p>
      </div>
      <Form {...form}>
        <form
          noValidate
          className="grid grid-cols-[1fr_1fr_8rem_auto] items-start gap-3"
          onSubmit={(e) => void onSubmit(e)}
        >
          <JudgeModelFields<FormValues>
            provider="provider"
            model="model"
            labels={{ provider: 'Provider', model: 'Model' }}
            testId="second-judge"
          />
          <Field<FormValues, 'sampleSize'>
            name="sampleSize"
            label="Targets"
            render={({ value, onChange, ...field }) => (
              <NumberInput
                {...field}
                value={value}
                onChange={onChange}
                inputMode="numeric"
                data-testid="second-judge-sample"
              />
            )}
          />
          <Button
            type="submit"
            size="sm"
            className="mt-[22px]"
            disabled={start.isPending || latest?.state === 'running'}
            data-testid="second-judge-start"
          >
            {start.isPending ? <LoaderCircle className="animate-spin" /> : <Scale />}
            Compare
          </Button>
          <div className="col-span-4">
            <FormRootError />
          </div>
        </form>
      </Form>
      {latest ? (
        <JobProgress
          job={latest}
          onCancel={() =>
            cancel.mutate({ jobId: latest.id }, { onSuccess: () => setWatching(null) })
          }
        />
      ) : null}
    </section>
  );
}
