import type { GraderDefinition } from '../../../shared/contract/quality';
import type { ResponseFormat } from '../../llm/types';

/**
 * What an LLM-judge grader needs from outside grading, injected by its caller (the quality
 * service) so grading stays pure of storage and providers. It mirrors the eval runner's judge
 * seam (`MatcherContext.judge`, built in evals/runs/case-call.ts): one model call through the
 * call path (cache, limits, retries, a `judge` span), answering `{ text, costPicoUsd }`. It adds
 * what a registry prompt needs: resolving the prompt by reference, and a structured-output
 * response format with the messages.
 */

type JudgeDefinition = Extract<GraderDefinition, { kind: 'llm_judge' }>;
export type JudgePromptRef = JudgeDefinition['prompt'];
export type JudgeModelRef = JudgeDefinition['model'];

/** A message of the judge prompt as stored: its content still holds `{{variables}}`. */
export interface JudgeMessageTemplate {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface JudgePromptTemplate {
  readonly messages: readonly JudgeMessageTemplate[];
  /** The prompt's own variable defaults; grading's values win over them. */
  readonly defaults?: Readonly<Record<string, string>>;
}

export interface JudgeModelRequest {
  readonly provider: JudgeModelRef['provider'];
  readonly model: string;
  readonly messages: readonly {
    readonly role: 'system' | 'user' | 'assistant';
    readonly content: string;
  }[];
  /** A JSON Schema for the verdict: providers that support structured output hold the judge to it. */
  readonly responseFormat: ResponseFormat;
  /** The judge prompt the messages were rendered from, for the span. */
  readonly prompt: JudgePromptRef;
}

export interface JudgeReply {
  readonly text: string;
  /** The judge call's cost; null when its model is unpriced. */
  readonly costPicoUsd: number | null;
}

export interface JudgeSeam {
  /** The prompt's messages at the label or version named (default `production`); throws when none. */
  resolvePrompt(ref: JudgePromptRef, signal?: AbortSignal): Promise<JudgePromptTemplate>;
  call(request: JudgeModelRequest, signal?: AbortSignal): Promise<JudgeReply>;
}
