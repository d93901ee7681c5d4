/** `#/datasets/<name>` selects a dataset; names may hold "/", so the segment is encoded. */
export function datasetHref(name: string | null): string {
  return name === null ? '/datasets' : `/datasets/${encodeURIComponent(name)}`;
}

/** The selected dataset named by a hash location such as `/datasets/support%2Ffaq`. */
export function selectedDatasetOf(location: string): string | null {
  const match = /^\/datasets\/([^?]+)/.exec(location);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Moves to a dataset (or the bare list) by changing the hash, which wouter follows. */
export function openDataset(name: string | null): void {
  window.location.hash = datasetHref(name);
}
