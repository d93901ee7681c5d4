import { randomUUID } from 'node:crypto';
import type { ChannelInput, ProviderId } from '../../../shared/contract';
import { formatUsd } from '../../../shared/money';
import { invoke, withCore } from '../with-core';

export interface CallOptions {
  readonly provider: string;
  readonly model: string;
  readonly system?: string;
  readonly message: string;
  readonly stream?: boolean;
  readonly json?: boolean;
  readonly cache: boolean;
  readonly dataDir?: string;
}

/**
 * `assay call`: one model call through the instrumented call path. The reply goes to stdout
 * (live with --stream); with --json stdout is one JSON object and streamed text goes to stderr.
 */
export async function callCommand(options: CallOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const streamId = options.stream ? randomUUID() : undefined;
    const live = options.json ? process.stderr : process.stdout;
    const unsubscribe = core.events.subscribe((topic, payload) => {
      if (topic !== 'llm.delta') return;
      const { streamId: id, delta } = payload as {
        streamId: string;
        delta: { type: string; text?: string };
      };
      if (id !== streamId) return;
      if (delta.type === 'text') live.write(delta.text ?? '');
      if (delta.type === 'reset') live.write('\n[connection dropped; retrying]\n');
    });
    const onSigint = (): void => {
      if (streamId) void invoke(core, 'llm.cancel', { streamId }).catch(() => {});
    };
    process.once('SIGINT', onSigint);
    try {
      const messages: ChannelInput<'llm.call'>['messages'] = [
        ...(options.system ? [{ role: 'system' as const, content: options.system }] : []),
        { role: 'user' as const, content: options.message },
      ];
      const result = await invoke(core, 'llm.call', {
        // Checked by the contract: an unknown provider is a coded VALIDATION_FAILED naming it.
        provider: options.provider as ProviderId,
        model: options.model,
        messages,
        streamId,
        bypassCache: !options.cache,
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      if (!streamId) process.stdout.write(result.text);
      process.stdout.write('\n');
      const u = result.usage;
      const cached = u.cacheReadTokens > 0 ? ` (${u.cacheReadTokens} cached)` : '';
      const ttft = result.ttftMs === null ? '' : `, first token ${Math.round(result.ttftMs)} ms`;
      process.stderr.write(
        `${options.provider}:${result.model} · ${u.inputTokens + u.cacheReadTokens} in${cached} / ${u.outputTokens} out tokens · ${formatUsd(result.costPicoUsd)}` +
          ` · ${Math.round(result.latencyMs)} ms${ttft}${result.cacheHit ? ' · cache hit' : ''}${result.attempts > 1 ? ` · ${result.attempts} attempts` : ''} · span ${result.spanId}\n`,
      );
    } finally {
      process.removeListener('SIGINT', onSigint);
      unsubscribe();
    }
  });
}
