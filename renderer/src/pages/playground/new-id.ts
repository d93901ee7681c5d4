/** A random id for columns and stream prefixes (crypto.randomUUID needs a secure context). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const random = () => Math.random().toString(36).slice(2, 10);
  return `${random()}${random()}`;
}
