import { ThumbsDown, ThumbsUp } from 'lucide-react';
import { toast } from 'sonner';
import { traceChannels } from '../../../../shared/contract/traces';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';

/** The contract's own schema: the browser refuses what interactions.feedback would. */
const feedbackInput = traceChannels['interactions.feedback'].input;

const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** Adds feedback (thumbs, a score, a label, a comment) to one interaction. */
export function FeedbackForm({ interactionId }: { interactionId: string }) {
  const form = useContractForm(feedbackInput, { interactionId });
  const send = useChannelMutation('interactions.feedback', {
    meta: { form: true },
    invalidates: ['interactions', 'sessions'],
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await send.mutateAsync(values);
      toast.success('Feedback added');
      form.reset({ interactionId });
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  // A refine over the whole input (score, label or comment) lands on the form, not a field.
  const whole = (form.formState.errors as Record<string, { message?: string } | undefined>)[''];
  return (
    <Form {...form}>
      <form
        noValidate
        className="flex flex-col gap-3"
        data-testid="feedback-form"
        onSubmit={(e) => void onSubmit(e)}
      >
        <Field
          name="label"
          label="Label"
          hint="Thumbs, or any label of yours"
          render={(field) => (
            <div className="flex items-center gap-2">
              <ToggleGroup
                type="single"
                value={
                  field.value === 'thumbs_up' || field.value === 'thumbs_down' ? field.value : ''
                }
                onValueChange={(v) => field.onChange(v === '' ? undefined : v)}
              >
                <ToggleGroupItem
                  value="thumbs_up"
                  aria-label="Thumbs up"
                  data-testid="feedback-thumbs-up"
                >
                  <ThumbsUp />
                </ToggleGroupItem>
                <ToggleGroupItem
                  value="thumbs_down"
                  aria-label="Thumbs down"
                  data-testid="feedback-thumbs-down"
                >
                  <ThumbsDown />
                </ToggleGroupItem>
              </ToggleGroup>
              <Input
                className="h-8"
                data-testid="feedback-label"
                value={typeof field.value === 'string' ? field.value : ''}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(blankToUndefined(e.target.value))}
              />
            </div>
          )}
        />
        <Field
          name="score"
          label="Score"
          render={(field) => (
            <Input
              className="h-8 w-32"
              type="number"
              step="any"
              data-testid="feedback-score"
              value={typeof field.value === 'number' ? String(field.value) : ''}
              onBlur={field.onBlur}
              onChange={(e) =>
                field.onChange(e.target.value === '' ? undefined : Number(e.target.value))
              }
            />
          )}
        />
        <Field
          name="comment"
          label="Comment"
          render={(field) => (
            <textarea
              className="min-h-16 rounded-md border bg-transparent px-3 py-2 text-sm"
              data-testid="feedback-comment"
              value={typeof field.value === 'string' ? field.value : ''}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(blankToUndefined(e.target.value))}
            />
          )}
        />
        {whole?.message ? (
          <p role="alert" data-testid="form-error" className="text-xs text-destructive">
            {whole.message}
          </p>
        ) : null}
        <FormRootError />
        <Button
          type="submit"
          size="sm"
          className="self-start"
          disabled={send.isPending}
          data-testid="feedback-submit"
        >
          Add feedback
        </Button>
      </form>
    </Form>
  );
}
