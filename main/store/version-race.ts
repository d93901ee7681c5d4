import { AssayError } from '../../shared/errors';
import { isUniqueViolation } from './constraint-errors';

const SAVE_ATTEMPTS = 5;

/**
 * Saves a new version of something versioned (a prompt, a grader, a scorecard). Two writers
 * may read the same latest version and both try to add the next: the unique (parent, version)
 * index refuses the second, which reads again and retries. After a few lost races the caller
 * gets a CONFLICT saying so, instead of a raw constraint error.
 */
export async function saveNextVersion<T>(save: () => Promise<T>, busy: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await save();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= SAVE_ATTEMPTS)
        throw new AssayError(
          'CONFLICT',
          `${busy} is being saved by other writers at the same time; try again`,
        );
    }
  }
}
