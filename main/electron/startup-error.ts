import { toErrorPayload } from '../../shared/errors';

export interface StartupErrorReport {
  readonly title: string;
  readonly content: string;
}

/**
 * The text of the error box shown when the app cannot start (a failed migration, a missing
 * native module). It carries the coded message, because a blank window tells nobody anything.
 */
export function describeStartupError(err: unknown, dataDir?: string): StartupErrorReport {
  const payload = toErrorPayload(err);
  const lines = [payload.message, '', `Error code: ${payload.code}`];
  if (dataDir) lines.push(`Data folder: ${dataDir}`);
  return { title: 'Assay could not start', content: lines.join('\n') };
}
