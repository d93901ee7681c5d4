import { LoaderCircle, PackageOpen } from 'lucide-react';
import type { ExampleWorkspace } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { StepCard } from './step-card';

/** Step 1: the example workspace, imported by `system.loadExample` (idempotent). */
export function ExampleStep(props: {
  loaded: ExampleWorkspace | null;
  loading: boolean;
  onLoad: () => void;
}) {
  const { loaded } = props;
  return (
    <StepCard
      step={1}
      testId="step-example"
      done={loaded !== null}
      title="Load the example workspace"
      description="A composed prompt (a system component and a user template that references it), a dataset of three support questions with matchers, and a suite tying them together."
    >
      {loaded ? (
        <p className="text-sm" data-testid="example-loaded">
          {`Loaded ${loaded.prompts.map((p) => p.name).join(' and ')}, and the dataset ${loaded.dataset.name} with ${loaded.dataset.cases} cases.`}
        </p>
      ) : (
        <Button
          size="sm"
          className="w-fit"
          data-testid="load-example"
          disabled={props.loading}
          onClick={props.onLoad}
        >
          {props.loading ? <LoaderCircle className="animate-spin" /> : <PackageOpen />}
          Load example workspace
        </Button>
      )}
    </StepCard>
  );
}
