import { z } from 'zod';

/**
 * One line a person can read for a failure of Assay itself, for shells that show errors to
 * people (the HTTP and IPC answers, the CLI's stderr): never a zod dump, a JSON body or a stack.
 */

const MAX_MESSAGE_CHARS = 300;

/** The first line of a message, within a length a notice can show. */
export function oneLine(message: string): string {
  const line = message.split('\n', 1)[0]!.trim();
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 1)}…` : line;
}

/** Every issue of a validation error as `path: message`. */
export function issueLines(err: z.ZodError): string[] {
  return err.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
}

/** A validation error's first issue as `path: message`, and how many more there are. */
export function firstIssue(err: z.ZodError): string {
  const issues = issueLines(err);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${issues[0] ?? 'invalid'}${more}`;
}

/** An unexpected error (not a coded one) as one line. */
export function unexpectedMessage(err: unknown): string {
  if (err instanceof z.ZodError)
    return oneLine(
      `Internal error: data that does not fit its schema, at ${firstIssue(err)}; this is a bug in Assay`,
    );
  return oneLine(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
}
