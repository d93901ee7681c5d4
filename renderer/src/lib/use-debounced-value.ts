import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`: a search typed key by key asks the core
 * once, when the typing pauses, instead of once per key.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
