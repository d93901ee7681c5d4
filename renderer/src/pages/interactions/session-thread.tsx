import { LoaderCircle } from 'lucide-react';
import { fmtMs, fmtUsd } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { FeedbackList } from './feedback-chips';
import { interactionsHref } from './interactions-route';
import { fmtTime } from './interactions-table';
import { Bubble } from './payload-view';
import { threadTurns, turnText, type ThreadTurn } from './thread-turns';

function TurnFooter({ turn }: { turn: ThreadTurn }) {
  const trace = turn.trace;
  return (
    <div className="flex flex-wrap items-center gap-2 text-[11px] text-muted-foreground">
      <span>{fmtTime(turn.at)}</span>
      {turn.kind === 'interaction' ? (
        <a
          href={`#${interactionsHref.detail(turn.interaction.id)}`}
          className="hover:underline"
          data-testid="turn-interaction-link"
        >
          {turn.interaction.type}
        </a>
      ) : null}
      {trace ? (
        <>
          <a
            href={`#${interactionsHref.trace(trace.id)}`}
            className="hover:underline"
            data-testid="turn-trace-link"
          >
            trace
          </a>
          <span data-testid="turn-cost">
            {fmtUsd(trace.costUsd)}
            {trace.unpricedCount > 0 ? ' + unpriced' : ''}
          </span>
          <span data-testid="turn-latency">{fmtMs(trace.latencyMs)}</span>
        </>
      ) : turn.kind === 'interaction' && turn.interaction.traceId ? (
        <a
          href={`#${interactionsHref.trace(turn.interaction.traceId)}`}
          className="hover:underline"
        >
          trace
        </a>
      ) : null}
      {turn.kind === 'interaction' && turn.interaction.feedback.length > 0 ? (
        <FeedbackList feedback={turn.interaction.feedback} />
      ) : null}
    </div>
  );
}

function Turn({ turn, index }: { turn: ThreadTurn; index: number }) {
  const asked =
    turn.kind === 'interaction'
      ? turnText(turn.interaction.input)
      : (turn.trace.inputPreview ?? '');
  const answered =
    turn.kind === 'interaction'
      ? turnText(turn.interaction.output)
      : (turn.trace.outputPreview ?? '');
  return (
    <li
      className="flex flex-col gap-1.5"
      data-testid={`thread-turn-${index}`}
      data-kind={turn.kind}
    >
      {asked ? (
        <Bubble role="user" testId="thread-user">
          {asked}
        </Bubble>
      ) : null}
      {answered ? (
        <Bubble role="assistant" testId="thread-answer">
          {answered}
        </Bubble>
      ) : null}
      <TurnFooter turn={turn} />
    </li>
  );
}

/** One session as a conversation: every turn in time order, with cost, latency and feedback. */
export function SessionThread({ id }: { id: string }) {
  const query = useChannelQuery('sessions.get', { id }, { retry: false });
  if (query.error)
    return <p className="px-8 py-5 text-sm text-destructive">{query.error.toString()}</p>;
  if (!query.data || query.data.session.id !== id)
    return <LoaderCircle className="mx-8 my-5 size-4 animate-spin" />;
  const { session, interactions, traces, truncated } = query.data;
  const turns = threadTurns(interactions, traces);
  return (
    <div
      className="flex max-w-3xl flex-col gap-4 px-8 py-5"
      data-testid="session-thread"
      data-id={id}
    >
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-sm font-semibold">Session {session.id}</h2>
        <span className="text-xs text-muted-foreground" data-testid="session-summary">
          {session.userId ? `${session.userId} · ` : ''}
          {session.interactionCount} interactions · {session.traceCount} traces ·{' '}
          {fmtUsd(session.costUsd)}
          {session.unpricedCount > 0 ? ` + ${session.unpricedCount} unpriced` : ''}
        </span>
        <a href={`#${interactionsHref.sessions()}`} className="text-xs hover:underline">
          All sessions
        </a>
      </div>
      {truncated ? (
        <p className="text-xs text-muted-foreground">
          Showing the first 500 interactions and traces of this session.
        </p>
      ) : null}
      <ol className="flex flex-col gap-5">
        {turns.map((turn, i) => (
          <Turn
            key={`${turn.kind}:${turn.kind === 'interaction' ? turn.interaction.id : turn.trace.id}`}
            turn={turn}
            index={i}
          />
        ))}
      </ol>
    </div>
  );
}
