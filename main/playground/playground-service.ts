import { newId } from '../kit/ids';
import type { CallResultView, ParsedInput, PlaygroundRunView } from '../../shared/contract';
import { toErrorPayload } from '../../shared/errors';
import type { EventBus } from '../kit/event-bus';
import type { CallResult } from '../llm/call/call-llm';
import type { LlmService } from '../llm/llm-service';
import type { ChatRequest } from '../llm/types';
import type { Store } from '../store/store';
import { PlaygroundRepository } from './playground-repository';

type Column = PlaygroundRunView['columns'][number];
type Target = Column['target'];

export interface PlaygroundDeps {
  readonly store: Store;
  readonly llm: Pick<LlmService, 'callCancellable'>;
  readonly events: EventBus;
  /** The contract view of a call result (the llm domain's `callResultView`). */
  readonly resultView: (result: CallResult) => CallResultView;
}

/** Runs one set of messages against several models side by side and keeps the run. */
export class PlaygroundService {
  private readonly runs: PlaygroundRepository;

  constructor(private readonly deps: PlaygroundDeps) {
    this.runs = new PlaygroundRepository(deps.store.db);
  }

  /**
   * Every column runs concurrently through the instrumented call path (one span each, named
   * `playground`, tagged with the run id and column), streams on `${streamPrefix}:${i}` and can
   * be cancelled alone with llm.cancel. A column that fails or is cancelled is reported in its
   * column; it never fails the run or the other columns.
   */
  async run(input: ParsedInput<'playground.run'>): Promise<PlaygroundRunView> {
    const id = newId();
    const createdAt = new Date().toISOString();
    const columns = await Promise.all(
      input.targets.map((target, column) => this.runColumn(id, column, target, input)),
    );
    const run: PlaygroundRunView = {
      id,
      createdAt,
      promptName: input.promptName ?? null,
      promptVersion: input.promptVersion ?? null,
      variables: input.variables,
      messages: input.messages,
      columns,
    };
    await this.runs.insert(run);
    return run;
  }

  history(limit: number): Promise<PlaygroundRunView[]> {
    return this.runs.recent(limit);
  }

  /**
   * The variables a run's messages were rendered with, and its prompt (`name@version`), for
   * "to dataset" from one of its spans; null when the run used none (messages typed as they are).
   */
  async variablesOf(
    runId: string,
  ): Promise<{ vars: Record<string, string>; prompt: string | null } | null> {
    const run = await this.runs.byId(runId);
    if (!run || Object.keys(run.variables).length === 0) return null;
    const prompt =
      run.promptName === null
        ? null
        : `${run.promptName}${run.promptVersion ? `@${run.promptVersion}` : ''}`;
    return { vars: run.variables, prompt };
  }

  private async runColumn(
    runId: string,
    column: number,
    target: Target,
    input: ParsedInput<'playground.run'>,
  ): Promise<Column> {
    const streamId = `${input.streamPrefix}:${column}`;
    const request: ChatRequest = {
      provider: target.provider,
      model: target.model,
      messages: input.messages,
      ...(target.temperature === undefined ? {} : { temperature: target.temperature }),
      ...(target.maxTokens === undefined ? {} : { maxTokens: target.maxTokens }),
      ...(target.topP === undefined ? {} : { topP: target.topP }),
    };
    try {
      const result = await this.deps.llm.callCancellable(streamId, {
        request,
        bypassCache: input.bypassCache,
        onDelta: (delta) => this.deps.events.publish('llm.delta', { streamId, delta }),
        spanName: 'playground',
        attributes: { playgroundRunId: runId, column },
      });
      return { target, status: 'ok', result: this.deps.resultView(result), error: null };
    } catch (err) {
      const { code, message } = toErrorPayload(err);
      // A bug, not a provider failure: keep the stack where someone can find it.
      if (code === 'INTERNAL') console.error(`[playground] column ${column} failed:`, err);
      const status = code === 'CANCELLED' ? 'cancelled' : 'error';
      return { target, status, result: null, error: { code, message } };
    }
  }
}
