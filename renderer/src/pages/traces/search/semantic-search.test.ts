import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../client';
import { hashWithMeaning, meaningOn } from './meaning-url';
import { semanticErrorText, similarityPercent } from './semantic-text';

describe('the "by meaning" URL parameter', () => {
  it('is set and cleared without touching the other parameters', () => {
    expect(hashWithMeaning('#/traces', true)).toBe('#/traces?meaning=1');
    expect(hashWithMeaning('#/traces?status=error', true)).toBe('#/traces?status=error&meaning=1');
    expect(hashWithMeaning('#/traces?meaning=1&status=error', false)).toBe('#/traces?status=error');
    expect(hashWithMeaning('#/traces?meaning=1', false)).toBe('#/traces');
    expect(meaningOn('?status=error&meaning=1')).toBe(true);
    expect(meaningOn('status=error')).toBe(false);
  });
});

describe('semantic search texts', () => {
  it('shows distance as similarity, clamped', () => {
    expect(similarityPercent(0)).toBe('100%');
    expect(similarityPercent(0.25)).toBe('75%');
    expect(similarityPercent(1.7)).toBe('0%');
  });

  it('tells setup states (embedding off, no pgvector) from failures', () => {
    const off = new ClientError('CONFIG_INVALID', 'traces.similar: Semantic search is off: set…');
    expect(semanticErrorText(off)).toEqual({ setup: true, text: 'Semantic search is off: set…' });
    const down = new ClientError('PROVIDER_UNAVAILABLE', 'local 503: down');
    expect(semanticErrorText(down)).toEqual({
      setup: false,
      text: 'PROVIDER_UNAVAILABLE: local 503: down',
    });
  });
});
