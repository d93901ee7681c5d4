import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { describeStartupError } from './startup-error';

describe('describeStartupError', () => {
  it('shows the coded message of an AssayError and the data folder', () => {
    const report = describeStartupError(
      new AssayError('MIGRATION_FAILED', 'Migration 0003_traces failed: no such table: span'),
      '/home/me/.config/Assay',
    );
    expect(report.title).toBe('Assay could not start');
    expect(report.content).toContain('Migration 0003_traces failed');
    expect(report.content).toContain('Error code: MIGRATION_FAILED');
    expect(report.content).toContain('Data folder: /home/me/.config/Assay');
  });

  it('reports unknown errors as INTERNAL with their message', () => {
    const report = describeStartupError(new Error('boom'));
    expect(report.content).toContain('boom');
    expect(report.content).toContain('Error code: INTERNAL');
    expect(report.content).not.toContain('Data folder');
  });
});
