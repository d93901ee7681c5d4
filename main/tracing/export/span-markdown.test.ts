import { describe, expect, it } from 'vitest';
import type { SpanView } from '../../../shared/contract/traces';
import { spanFixture } from '../../../test/support/span-fixture';
import { spanView } from '../views';
import { fenced } from './markdown-text';
import { spanMarkdown } from './span-markdown';
import { indexJsonl, indexMarkdown } from './trace-index';
import { traceFiles } from './trace-files';

const trace = { id: 'trace-1', name: 'support-chat' };

function view(overrides: Parameters<typeof spanFixture>[0]): SpanView {
  return spanView(spanFixture(overrides));
}

describe('span Markdown', () => {
  it('shows the header, each message under its role, the answer with tool calls, and attributes', () => {
    const md = spanMarkdown(
      view({
        requestJson: JSON.stringify({
          provider: 'openai',
          model: 'gpt-4o',
          messages: [
            { role: 'system', content: 'You are terse.' },
            { role: 'user', content: 'Weather in Paris | today?' },
          ],
          temperature: 0.2,
        }),
        responseJson: JSON.stringify({
          text: 'Checking.',
          toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
          finishReason: 'tool_calls',
        }),
        attributes: { 'service.name': 'shop' },
        userId: 'u-7',
        tags: ['prod'],
      }),
      trace,
    );
    expect(md).toContain('# llm · openai:gpt-4o');
    expect(md).toContain('| model | openai/gpt-4o |');
    expect(md).toContain('| tokens | in 12 · out 5 · cache read 3 · cache write 1 · reasoning 2 |');
    expect(md).toContain('| cost | $0.000125 |');
    expect(md).toContain('| latency | 42 ms (first token 7 ms) |');
    expect(md).toContain('| user | u-7 |');
    expect(md).toMatch(
      /## Request\n\n### system\n\nYou are terse\.\n\n### user\n\nWeather in Paris \| today\?/,
    );
    expect(md).toContain('### Parameters\n\n```json\n{\n  "temperature": 0.2\n}\n```');
    expect(md).toContain('## Answer\n\nChecking.');
    expect(md).toContain(
      '#### tool call `get_weather` (call_1)\n\n```json\n{\n  "city": "Paris"\n}\n```',
    );
    expect(md).toContain('_finish reason: tool_calls_');
    expect(md).toContain('## Attributes\n\n```json\n{\n  "service.name": "shop"\n}\n```');
    expect(md).not.toContain('## Error');
  });

  it('shows a failed span with its error and no answer, and non-LLM input and output as text', () => {
    const failed = spanMarkdown(
      view({
        status: 'error',
        errorClass: 'RateLimitError',
        errorMessage: '429 slow down',
        responseJson: null,
      }),
      trace,
    );
    expect(failed).toContain('| status | error (RateLimitError) |');
    expect(failed).toContain('## Error\n\n**RateLimitError**\n\n```\n429 slow down\n```');
    expect(failed).not.toContain('## Answer');
    const tool = spanMarkdown(
      view({
        kind: 'tool',
        name: 'search',
        requestJson: JSON.stringify({ input: { q: 'shoes' } }),
        responseJson: JSON.stringify({ output: 'three results' }),
        costPicoUsd: null,
      }),
      trace,
    );
    expect(tool).toContain('## Request\n\n```json\n{\n  "q": "shoes"\n}\n```');
    expect(tool).toContain('## Answer\n\nthree results');
    expect(tool).toContain('| cost | unpriced |');
  });

  it('fences content so backticks inside cannot close the block', () => {
    const block = fenced('a ``` b ```` c');
    expect(block.startsWith('`````\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});

describe('trace files and index', () => {
  it('lays out trace.json then numbered span files, and an index linking every folder', () => {
    const a = spanFixture({
      traceId: 't1',
      name: 'root',
      kind: 'chain',
      startedAt: '2026-12-06T10:00:00.000Z',
    });
    const b = spanFixture({ traceId: 't1', parentId: a.id, name: 'openai:gpt-4o' });
    const summary = {
      id: 't1',
      name: 'root',
      source: 'otlp' as const,
      rootSpanId: a.id,
      startedAt: '2026-12-06T10:00:00.000Z',
      endedAt: '2026-12-06T10:00:01.000Z',
      latencyMs: 1000,
      spanCount: 2,
      llmCount: 1,
      errorCount: 0,
      status: 'ok' as const,
      inputTokens: 24,
      outputTokens: 10,
      costUsd: 0.00025,
      unpricedCount: 0,
      provider: 'openai',
      model: 'gpt-4o',
      promptVersionId: null,
      sessionId: null,
      userId: null,
      tags: [],
      inputPreview: 'hi',
      outputPreview: 'hello',
    };
    const files = traceFiles({
      trace: summary,
      spans: [spanView(a), spanView(b)],
      truncated: false,
    });
    expect(files.folder).toBe('2026-12-06T10-00-00Z_root_t1');
    expect(files.files.map((f) => f.name)).toEqual([
      'trace.json',
      '01-chain-root.md',
      '02-llm-openai-gpt-4o.md',
    ]);
    expect(JSON.parse(files.files[0]!.content)).toMatchObject({
      trace: { id: 't1' },
      spans: [{ id: a.id }, { id: b.id }],
    });
    const entry = { trace: summary, folder: files.folder, spanFiles: ['01-chain-root.md'] };
    expect(indexMarkdown([entry], '2026-12-07T00:00:00.000Z')).toContain(
      '| 2026-12-06T10:00:00.000Z | root | gpt-4o | $0.000250 | 1.00 s | ok | 2 | [2026-12-06T10-00-00Z_root_t1](./2026-12-06T10-00-00Z_root_t1/) |',
    );
    expect(JSON.parse(indexJsonl([entry]).trim())).toMatchObject({
      id: 't1',
      folder: files.folder,
    });
  });
});
