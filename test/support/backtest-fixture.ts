import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { defaultReply, type ReplyScript } from '../fakes/fake-reply';

/**
 * The backtest suites' shared setup: interactions about Paris answered by a scripted fake
 * OpenAI (each with its recorded call), a `mentions France` grader in the scorecard `geo-card`,
 * and the candidate prompt `geo`. Whoever calls it supplies the channel door (a core's
 * dispatcher, in process or before a CLI run).
 */

export type CallChannel = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<ChannelOutput<C>>;

/** Case number the user asked about: "Where is Paris? (7)" -> 7. */
export const caseOf = (text: string): number => Number(/\((\d+)\)/.exec(text)?.[1] ?? -1);

/** gpt-4o knows; gpt-4o-mini fails every even case; any other model fails every case. */
export const geoReply: ReplyScript = (req) => {
  const i = caseOf(req.lastUserText);
  const knows = req.model === 'gpt-4o' || (req.model === 'gpt-4o-mini' && i % 2 === 1);
  return { ...defaultReply(req), text: knows ? `Paris is in France (${i}).` : 'I do not know.' };
};

export const GEO_SCORECARD = 'geo-card';
export const GEO_PROMPT = 'geo';

export interface GeoSeed {
  readonly graderId: string;
  readonly interactionIds: string[];
}

/** `count` interactions answered by gpt-4o (type by `typeOf`), the grader, scorecard and prompt. */
export async function seedGeo(
  call: CallChannel,
  count: number,
  typeOf: (i: number) => string = () => 'geo',
): Promise<GeoSeed> {
  const interactionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await call('llm.call', {
      provider: 'openai',
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: `Where is Paris? (${i})` },
      ],
    });
    const interaction = await call('interactions.create', {
      type: typeOf(i),
      input: { question: `Where is Paris? (${i})` },
      output: answer.text,
      spanIds: [answer.spanId],
    });
    interactionIds.push(interaction.id);
  }
  const grader = await call('graders.create', {
    name: 'mentions France',
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: 'France' } },
    },
    scoreConfig: { type: 'boolean' },
  });
  await call('scorecards.create', {
    name: GEO_SCORECARD,
    body: { items: [{ graderId: grader.id }], passThreshold: 0.5 },
  });
  await call('prompts.create', {
    name: GEO_PROMPT,
    kind: 'chat',
    content: {
      messages: [
        { role: 'system', content: 'Answer with the country.' },
        { role: 'user', content: '{{question}}' },
      ],
    },
  });
  return { graderId: grader.id, interactionIds };
}

/** Polls a backtest run until it stops (completed, cancelled, failed). */
export async function runStopped(
  call: CallChannel,
  id: string,
): Promise<ChannelOutput<'backtests.runs.get'>> {
  for (let i = 0; i < 1200; i++) {
    const run = await call('backtests.runs.get', { id });
    if (run.status !== 'queued' && run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`backtest run ${id} did not stop`);
}
