import { compileSchema, formatSchemaErrors } from '../json/json-schema';
import { searchRegex } from '../text/regex-search';
import type { Bounded, BoundedTask } from './sandbox-protocol';

/**
 * Runs one bounded task where it is (the worker, or this thread where no worker can start):
 * a regex search answers its first match, a schema validation its error lines (none: valid).
 * A bad pattern or schema is an answer, not a throw.
 */
export function runBoundedTask(task: BoundedTask): Bounded<unknown> {
  try {
    if (task.kind === 'regex')
      return { status: 'done', value: searchRegex(task.pattern, task.flags, task.text) };
    const compiled = compileSchema(task.schema);
    if (!compiled.ok) return { status: 'failed', error: compiled.error };
    const valid = compiled.validate(task.value);
    return { status: 'done', value: valid ? [] : formatSchemaErrors(compiled.validate.errors) };
  } catch (err) {
    return { status: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}
