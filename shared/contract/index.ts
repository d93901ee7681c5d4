import type { z } from 'zod';
import { authChannels } from './auth';
import { backtestChannels, backtestTopics } from './backtests';
import { costChannels } from './costs';
import { datasetChannels } from './datasets';
import { evalChannels, evalTopics } from './evals';
import { ingestChannels } from './ingest';
import { leaderboardChannels } from './leaderboards';
import { llmChannels, llmTopics } from './llm';
import { promptFileChannels } from './prompt-files';
import { promptChannels } from './prompts';
import { pulseChannels, pulseTopics } from './pulse';
import { qualityChannels } from './quality';
import { reviewChannels } from './review';
import { qualityInsightChannels } from './quality-insights';
import { secondJudgeChannels } from './quality-second-judge';
import { scoringRuleChannels } from './scoring-rules';
import { settingsChannels, settingsTopics } from './settings';
import { suiteSyncChannels } from './suite-sync';
import { systemChannels } from './system';
import { traceActionChannels, traceActionTopics } from './trace-actions';
import { traceInsightChannels } from './trace-insights';
import { traceSearchChannels } from './trace-search';
import { traceChannels, traceTopics } from './traces';

/** The one map of every channel; transports and clients are typed from it. */
export const channels = {
  ...systemChannels,
  ...authChannels,
  ...ingestChannels,
  ...settingsChannels,
  ...llmChannels,
  ...promptChannels,
  ...promptFileChannels,
  ...datasetChannels,
  ...suiteSyncChannels,
  ...evalChannels,
  ...traceChannels,
  ...traceActionChannels,
  ...traceInsightChannels,
  ...traceSearchChannels,
  ...costChannels,
  ...qualityChannels,
  ...pulseChannels,
  ...reviewChannels,
  ...qualityInsightChannels,
  ...secondJudgeChannels,
  ...scoringRuleChannels,
  ...backtestChannels,
  ...leaderboardChannels,
};

/** Event topics (streams, progress, change notices) with their payload schemas. */
export const topics = {
  ...settingsTopics,
  ...llmTopics,
  ...evalTopics,
  ...traceTopics,
  ...traceActionTopics,
  ...pulseTopics,
  ...backtestTopics,
};

export type Channels = typeof channels;
export type Channel = keyof Channels;
/** What a caller may send (before defaults are applied). */
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export type Topics = typeof topics;
export type Topic = keyof Topics;
export type TopicPayload<T extends Topic> = z.output<Topics[T]>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

export function isTopic(name: string): name is Topic {
  return Object.hasOwn(topics, name);
}

export * from './costs';
export * from './datasets';
export * from './evals';
export * from './ingest';
export * from './leaderboards';
export * from './llm';
export * from './prompt-files';
export * from './prompts';
export * from './pulse';
export * from './quality';
export * from './review';
export * from './quality-insights';
export * from './quality-second-judge';
export * from './scoring-rules';
export * from './settings';
export * from './suite-sync';
export * from './system';
export * from './traces';
export * from './trace-actions';
export * from './trace-insights';
export * from './trace-search';
