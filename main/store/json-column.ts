/**
 * JSON columns are text on both dialects (see schema.ts). Entity converters, and only they,
 * turn that text into typed values: the type is what that entity's writer stored.
 */
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function readJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : readJson<T>(text);
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
