/**
 * Normalizes a classifier's reply to a bare label: models answer `"Positive".` or `**positive**`
 * or add an explanation on the next line; the label is the first non-empty line with quotes,
 * markdown emphasis and punctuation stripped from both ends.
 */
const EDGE = /^[\s"'`*_.,:;!?()[\]{}<>«»“”‘’]+|[\s"'`*_.,:;!?()[\]{}<>«»“”‘’]+$/gu;

export function normalizeLabelText(output: string): string {
  const firstLine = output.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.replace(EDGE, '').replace(/\s+/g, ' ');
}

/** Comparison key for labels: case and inner whitespace do not distinguish labels. */
export function labelKey(label: string): string {
  return normalizeLabelText(label).toLowerCase();
}
