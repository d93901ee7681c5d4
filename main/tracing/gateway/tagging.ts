import { tagSchema } from '../../../shared/contract/datasets';
import { AssayError } from '../../../shared/errors';

export interface Tagging {
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly tags: readonly string[];
  /** The `x-assay-prompt` reference as sent; resolved to a version id by the route. */
  readonly promptRef: string | null;
}

const MAX_ID_CHARS = 256;
const MAX_TAGS = 32;
const MAX_PROMPT_REF_CHARS = 200;

type HeaderGetter = (name: string) => string | undefined;

function idHeader(get: HeaderGetter, name: string): string | null {
  const value = get(name)?.trim();
  if (value === undefined || value === '') return null;
  if (value.length > MAX_ID_CHARS)
    throw new AssayError(
      'VALIDATION_FAILED',
      `Header ${name}: at most ${MAX_ID_CHARS} characters`,
      {
        header: name,
      },
    );
  return value;
}

/**
 * The optional `x-assay-*` headers that tag a call: session, user, comma-separated tags and a
 * prompt reference. A bad value is refused with the header's name (nothing is forwarded), so
 * a typo in an app's tagging shows at once instead of as silently untagged traces.
 */
export function readTagging(get: HeaderGetter): Tagging {
  const raw = get('x-assay-tags');
  const tags: string[] = [];
  for (const piece of raw?.split(',') ?? []) {
    if (piece.trim() === '') continue;
    const parsed = tagSchema.safeParse(piece);
    if (!parsed.success)
      throw new AssayError(
        'VALIDATION_FAILED',
        `Header x-assay-tags: tag "${piece.trim().slice(0, 80)}" ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
        { header: 'x-assay-tags' },
      );
    if (!tags.includes(parsed.data)) tags.push(parsed.data);
  }
  if (tags.length > MAX_TAGS)
    throw new AssayError('VALIDATION_FAILED', `Header x-assay-tags: at most ${MAX_TAGS} tags`, {
      header: 'x-assay-tags',
    });
  const prompt = get('x-assay-prompt')?.trim() || null;
  if (prompt !== null && prompt.length > MAX_PROMPT_REF_CHARS)
    throw new AssayError(
      'VALIDATION_FAILED',
      `Header x-assay-prompt: at most ${MAX_PROMPT_REF_CHARS} characters`,
      { header: 'x-assay-prompt' },
    );
  return {
    sessionId: idHeader(get, 'x-assay-session'),
    userId: idHeader(get, 'x-assay-user'),
    tags,
    promptRef: prompt,
  };
}
