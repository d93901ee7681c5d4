/**
 * Slot for "find by meaning" beside the search box: filled by the semantic search work. It calls
 * `onResults` with the trace ids found (best first), or null to go back to the filtered list.
 */
export function MeaningSearchToggle(_props: {
  value: string;
  onResults: (traceIds: string[] | null) => void;
}) {
  return null;
}
