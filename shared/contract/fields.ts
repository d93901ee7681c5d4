import { z } from 'zod';

/**
 * The small field schemas every domain's contract uses, defined once so an id or a name is
 * held to the same bounds on every channel.
 */

/** An id (or a name standing for one) a caller sends: trimmed, 1 to 256 characters. */
export const idText = z.string().trim().min(1).max(256);

/** A name people give what they make (a grader, a queue, a rule): trimmed, 1 to 120 characters. */
export const nameText = z.string().trim().min(1).max(120);

/** An instant with its UTC offset, ISO 8601 (`2026-03-01T12:00:00Z`). */
export const isoTime = z.iso.datetime({ offset: true });

/** A UTC day, `2026-03-01`. */
export const isoDay = z.iso.date();

/** The input of a call about one thing: its id. */
export const byIdInput = z.object({ id: idText }).strict();

/** The input of a list of what can be archived: archived ones on request. */
export const listInput = z
  .object({ includeArchived: z.boolean().optional().default(false) })
  .strict();

/** Archives or restores one thing. */
export const archiveInput = z.object({ id: idText, archived: z.boolean() }).strict();
