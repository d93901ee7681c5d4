import type { Kysely } from 'kysely';
import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { InteractionRepository } from '../interaction-repository';
import type { Dialect } from '../../store/store';
import { SESSION_THREAD_LIMIT } from '../../../shared/contract/trace-insights';
import { listSessions, sessionSummary, sessionTraceList } from './session-queries';
import { traceStats } from './stats-query';
import {
  targetsMatching,
  tracesOfSpans,
  windowFigures,
  windowWorst,
  type TrafficFilter,
  type TrafficWindow,
  type WindowLinks,
  type WorstBy,
} from './window-stats';
import type { StatsFigures } from '../../../shared/contract/trace-insights';

/** Read-only views over the traces store: the cost dashboard's figures and sessions as threads. */
export class TraceInsights {
  private readonly interactions: InteractionRepository;

  constructor(
    private readonly db: Kysely<DB>,
    dialect: Dialect,
    private readonly now: () => number = Date.now,
  ) {
    this.interactions = new InteractionRepository(db, dialect);
  }

  stats(input: ParsedInput<'traces.stats'>): Promise<ChannelOutput<'traces.stats'>> {
    return traceStats(this.db, input, this.now());
  }

  sessions(input: ParsedInput<'sessions.list'>): Promise<ChannelOutput<'sessions.list'>> {
    return listSessions(this.db, input);
  }

  async session(id: string): Promise<ChannelOutput<'sessions.get'>> {
    const session = await sessionSummary(this.db, id);
    if (!session) throw new AssayError('NOT_FOUND', `sessions.get: no session with id "${id}"`);
    const { items, nextOffset } = await this.interactions.list({
      filter: { sessionId: id },
      offset: 0,
      limit: SESSION_THREAD_LIMIT,
    });
    const { traces, truncated } = await sessionTraceList(this.db, id);
    return { session, interactions: items, traces, truncated: truncated || nextOffset !== null };
  }

  /** LLM-span figures over a window of minutes (pulse alert rules). */
  windowFigures(window: TrafficWindow): Promise<StatsFigures> {
    return windowFigures(this.db, window);
  }

  /** The traces and interactions behind a window's figure, the worst first. */
  windowWorst(window: TrafficWindow, by: WorstBy, limit: number): Promise<WindowLinks> {
    return windowWorst(this.db, window, by, limit);
  }

  /** Which interactions and spans (`type:id` keys) match a prompt and model filter. */
  targetsMatching(
    targets: readonly { type: string; id: string }[],
    filter: TrafficFilter,
  ): Promise<Set<string>> {
    return targetsMatching(this.db, targets, filter);
  }

  tracesOfSpans(spanIds: readonly string[]): Promise<Map<string, string>> {
    return tracesOfSpans(this.db, spanIds);
  }
}
