import { useMemo, useRef } from 'react';
import { reviewChannels, type ReviewItemDetail } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { cn } from '../../lib/utils';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { InteractionPanes } from './interaction-panes';
import { Kbd, KeyLegend } from './key-legend';
import { scoreChoices, type ReviewAction, type ScoreChoice } from './review-keys';
import { useReviewKeys } from './use-review-keys';

/** review.submit's own schema: nothing chosen is refused in the browser as the core would. */
const submitSchema = reviewChannels['review.submit'].input;

interface PanelProps {
  readonly detail: ReviewItemDetail;
  readonly reviewer: string;
  /** J and K. */
  readonly onMove: (step: 1 | -1) => void;
  /** After a submit or a skip (and Enter on a reviewed item): the next pending item. */
  readonly onDone: () => void;
}

const isChosen = (choice: ScoreChoice, value: unknown, level: unknown) =>
  'level' in choice.given
    ? typeof level === 'string' && level.toLowerCase() === choice.given.level.toLowerCase()
    : value === choice.given.value;

/** The stored score of a reviewed item, as the choice it was. */
function storedChoice(detail: ReviewItemDetail) {
  const score = detail.score;
  if (!score) return { value: undefined, level: undefined };
  if (score.level !== null) return { value: undefined, level: score.level };
  if (detail.grader.scoreConfig.type === 'boolean')
    return { value: score.value === 1, level: undefined };
  return { value: score.value ?? undefined, level: undefined };
}

/** One item under review: what to judge, the grader's scale on keys, a comment, and the keys. */
export function ReviewItemPanel({ detail, reviewer, onMove, onDone }: PanelProps) {
  const { item, grader } = detail;
  const reviewed = item.state === 'completed';
  const choices = useMemo(() => scoreChoices(grader.scoreConfig), [grader.scoreConfig]);
  const form = useContractForm(submitSchema, {
    itemId: item.id,
    reviewer,
    ...storedChoice(detail),
    ...(detail.score?.reason ? { comment: detail.score.reason } : {}),
  });
  const submit = useChannelMutation('review.submit', {
    meta: { form: true },
    invalidates: ['review', 'reviewQueues', 'scores'],
  });
  const skip = useChannelMutation('review.skip', {
    meta: { form: true },
    invalidates: ['review', 'reviewQueues'],
  });
  const comment = useRef<HTMLTextAreaElement | null>(null);
  const valueBox = useRef<HTMLInputElement | null>(null);
  const textBoxes = useMemo(() => [comment, valueBox], []);
  const commentField = form.register('comment', {
    setValueAs: (v: string) => (v.trim() === '' ? undefined : v),
  });
  const busy = submit.isPending || skip.isPending;

  const choose = (choice: ScoreChoice) => {
    if (reviewed) return;
    const given = choice.given;
    form.setValue('level', 'level' in given ? given.level : undefined);
    form.setValue('value', 'value' in given ? given.value : undefined);
    form.clearErrors();
  };
  const complete = form.handleSubmit(async (values) => {
    try {
      await submit.mutateAsync(values);
      onDone();
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  const onAction = (action: ReviewAction) => {
    if (action.type === 'choose' && choices) choose(choices[action.index]!);
    else if (action.type === 'next') onMove(1);
    else if (action.type === 'previous') onMove(-1);
    else if (action.type === 'comment' && !reviewed) comment.current?.focus();
    else if (action.type === 'value' && !reviewed) valueBox.current?.focus();
    else if (action.type === 'leave') (document.activeElement as HTMLElement | null)?.blur();
    else if (action.type === 'skip' && !reviewed && !busy)
      void skip
        .mutateAsync({ itemId: item.id, reviewer })
        .then(onDone, (err: unknown) => showSubmitError(form, err));
    else if (action.type === 'submit' && !busy) {
      if (reviewed) onDone();
      else void complete();
    }
  };
  useReviewKeys(choices, textBoxes, onAction);

  const [value, level] = form.watch(['value', 'level']);
  const errors = form.formState.errors;
  const scoreError = errors.value?.message ?? errors.level?.message;
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_22rem] gap-6 overflow-auto px-8 py-5">
      <InteractionPanes interaction={detail.interaction} />
      <Form {...form}>
        <form
          noValidate
          className="flex flex-col gap-4"
          data-testid="review-form"
          data-state={item.state}
          onSubmit={(e) => void complete(e)}
        >
          <div className="flex items-center gap-2">
            <span className="text-sm font-medium">{grader.name}</span>
            {item.state !== 'pending' ? (
              <Badge variant={reviewed ? 'success' : 'outline'} data-testid="review-state">
                {reviewed ? 'reviewed' : 'skipped'}
              </Badge>
            ) : null}
          </div>
          {choices ? (
            <div className="flex flex-col gap-1.5" role="group" aria-label="Score">
              {choices.map((choice) => {
                const chosen = isChosen(choice, value, level);
                return (
                  <Button
                    key={choice.label}
                    type="button"
                    variant={chosen ? 'default' : 'outline'}
                    className="h-auto justify-start py-1.5 text-left"
                    disabled={reviewed && !chosen}
                    aria-pressed={chosen}
                    data-testid={`review-choice-${choice.key ?? choice.label}`}
                    title={choice.description ?? undefined}
                    onClick={(e) => {
                      choose(choice);
                      // Back to the page, so Enter completes instead of pressing this again.
                      e.currentTarget.blur();
                    }}
                  >
                    {choice.key ? <Kbd>{choice.key}</Kbd> : null}
                    <span className="flex-1 whitespace-normal">{choice.label}</span>
                    {choice.detail ? (
                      <span className="text-xs opacity-70">{choice.detail}</span>
                    ) : null}
                  </Button>
                );
              })}
            </div>
          ) : (
            <label className="flex flex-col gap-1 text-sm">
              <span>
                Score <Kbd>V</Kbd>
              </span>
              <Input
                ref={valueBox}
                type="number"
                step="any"
                readOnly={reviewed}
                data-testid="review-value"
                value={typeof value === 'number' ? String(value) : ''}
                onChange={(e) =>
                  form.setValue('value', e.target.value === '' ? undefined : Number(e.target.value))
                }
              />
            </label>
          )}
          {scoreError ? (
            <p role="alert" className="text-xs text-destructive" data-testid="review-error">
              {scoreError}
            </p>
          ) : null}
          <label className="flex flex-col gap-1 text-sm">
            <span>
              Comment <Kbd>C</Kbd>
            </span>
            <textarea
              {...commentField}
              ref={(el) => {
                commentField.ref(el);
                comment.current = el;
              }}
              readOnly={reviewed}
              data-testid="review-comment"
              placeholder="Optional. Enter completes, Shift+Enter is a new line."
              className={cn(
                'min-h-20 rounded-md border border-input bg-background px-2.5 py-1.5 text-sm shadow-xs outline-none',
                'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
              )}
            />
          </label>
          <FormRootError />
          <div className="flex gap-2">
            <Button
              type="submit"
              size="sm"
              disabled={busy || reviewed}
              data-testid="review-complete"
            >
              Complete <Kbd>Enter</Kbd>
            </Button>
            <Button
              type="button"
              size="sm"
              variant="outline"
              disabled={busy || reviewed}
              data-testid="review-skip"
              onClick={() => onAction({ type: 'skip' })}
            >
              Skip <Kbd>S</Kbd>
            </Button>
          </div>
          <KeyLegend choices={choices} />
          {detail.queue.instructions || grader.rubric ? (
            <div className="flex flex-col gap-2 text-xs text-muted-foreground">
              {detail.queue.instructions ? <p>{detail.queue.instructions}</p> : null}
              {grader.rubric ? <p className="whitespace-pre-wrap">{grader.rubric}</p> : null}
            </div>
          ) : null}
        </form>
      </Form>
    </div>
  );
}
