/** Slot for "similar traces" under a trace: filled by the semantic search work. */
export function SimilarTraces(_props: { traceId: string }) {
  return null;
}
