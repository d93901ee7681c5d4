/** `support, refunds` → `['support', 'refunds']`: trimmed, empty ones dropped, no duplicates. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
