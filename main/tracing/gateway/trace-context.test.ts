import { describe, expect, it } from 'vitest';
import { traceContext } from './trace-context';

describe('traceContext', () => {
  it('joins a valid W3C traceparent', () => {
    const t = traceContext('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(t).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      warning: null,
    });
    expect(t.spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts a future version with more fields', () => {
    const t = traceContext('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra');
    expect(t.warning).toBeNull();
  });

  it.each([
    ['garbage', 'not version'],
    ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'version ff'],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01', 'all-zero'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', 'all-zero'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x', 'four fields'],
    ['00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', 'not version'],
  ])('starts a new trace for %s and says why', (header, why) => {
    const t = traceContext(header);
    expect(t.parentId).toBeNull();
    expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(t.warning).toContain(why);
  });

  it('starts a new trace silently without a header', () => {
    expect(traceContext(undefined)).toMatchObject({ parentId: null, warning: null });
  });
});
