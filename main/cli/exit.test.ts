import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import { reportError } from './exit';

/** What reportError wrote on stderr. */
function stderrOf(run: () => number): { code: number; text: string } {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  try {
    return { code: run(), text };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.unstubAllEnvs());

describe('reportError', () => {
  it('prints a coded error as one line with its exit code', () => {
    const out = stderrOf(() => reportError(new AssayError('NOT_FOUND', 'no run with id "x"')));
    expect(out).toEqual({ code: 1, text: 'assay: NOT_FOUND: no run with id "x"\n' });
  });

  it('prints a bug as one line and a hint, without a stack trace', () => {
    vi.stubEnv('ASSAY_DEBUG', '');
    const out = stderrOf(() => reportError(new TypeError('x is undefined\nmore detail')));
    expect(out.code).toBe(1);
    expect(out.text).toBe(
      'assay: INTERNAL: Internal error: x is undefined\nassay: this is a bug in Assay; ASSAY_DEBUG=1 shows where it happened\n',
    );
  });

  it('prints a validation error of Assay’s own data as its first field, not a dump', () => {
    vi.stubEnv('ASSAY_DEBUG', '');
    const err = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } }).error!;
    const out = stderrOf(() => reportError(err));
    expect(out.text.split('\n')[0]).toMatch(
      /^assay: INTERNAL: Internal error: data that does not fit its schema, at a\.b: /,
    );
    expect(out.text).not.toMatch(/\[\s*\{|"code"/);
  });

  it('prints the stack trace with ASSAY_DEBUG=1', () => {
    vi.stubEnv('ASSAY_DEBUG', '1');
    const out = stderrOf(() => reportError(new Error('boom')));
    expect(out.text).toMatch(/^assay: INTERNAL: Internal error: boom\nError: boom\n\s+at /);
  });
});
