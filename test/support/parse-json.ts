import fs from 'node:fs';
import { z } from 'zod';

/**
 * JSON text read through a schema instead of trusted through a cast: a wrong shape fails the
 * test here, with zod's message naming the path, not later as an undefined read or a confusing
 * mismatch. `what` names the text in the message (a file, a command's output).
 */
export function parseJson<S extends z.ZodType>(
  schema: S,
  text: string,
  what = 'the JSON',
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not JSON (${(err as Error).message}): ${text.slice(0, 200)}`, {
      cause: err,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`${what} has the wrong shape:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A JSON file read through a schema (see parseJson). */
export function readJsonFile<S extends z.ZodType>(schema: S, file: string): z.output<S> {
  return parseJson(schema, fs.readFileSync(file, 'utf8'), file);
}
