import { MessageSquare, ThumbsDown, ThumbsUp } from 'lucide-react';
import type { Feedback } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';

const THUMBS_UP = new Set(['thumbs_up', 'up', 'positive', 'good', '👍']);
const THUMBS_DOWN = new Set(['thumbs_down', 'down', 'negative', 'bad', '👎']);

/** One piece of feedback as chips: thumbs, score, label, comment. */
export function FeedbackChips({ feedback, full = false }: { feedback: Feedback; full?: boolean }) {
  const label = feedback.label;
  const up = label !== null && THUMBS_UP.has(label);
  const down = label !== null && THUMBS_DOWN.has(label);
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="feedback-chip">
      {up ? (
        <Badge variant="success" aria-label="thumbs up" data-testid="feedback-thumbs-up-chip">
          <ThumbsUp />
        </Badge>
      ) : down ? (
        <Badge
          variant="destructive"
          aria-label="thumbs down"
          data-testid="feedback-thumbs-down-chip"
        >
          <ThumbsDown />
        </Badge>
      ) : label !== null ? (
        <Badge variant="outline" data-testid="feedback-label-chip">
          {label}
        </Badge>
      ) : null}
      {feedback.score !== null ? (
        <Badge variant="secondary" data-testid="feedback-score-chip">
          score {feedback.score}
        </Badge>
      ) : null}
      {feedback.comment ? (
        <Badge variant="outline" title={feedback.comment} data-testid="feedback-comment-chip">
          <MessageSquare />
          {full
            ? feedback.comment
            : feedback.comment.length > 40
              ? `${feedback.comment.slice(0, 39)}…`
              : feedback.comment}
        </Badge>
      ) : null}
    </span>
  );
}

/** Every piece of feedback on an interaction, compact. */
export function FeedbackList({ feedback }: { feedback: readonly Feedback[] }) {
  if (feedback.length === 0) return <span className="text-xs text-muted-foreground">-</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {feedback.map((f) => (
        <FeedbackChips key={f.id} feedback={f} />
      ))}
    </span>
  );
}
