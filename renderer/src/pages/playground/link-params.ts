export interface LinkParams {
  readonly prompt: string;
  readonly version: string | undefined;
}

/**
 * `?prompt=<name>&version=<version>` from a link to the playground: inside the hash
 * (`#/playground?prompt=…`, as plain links write it) or in the page's query (as wouter's
 * navigate writes it).
 */
export function linkParamsOf(hashLocation: string, search: string): LinkParams | null {
  const inHash = hashLocation.includes('?')
    ? hashLocation.slice(hashLocation.indexOf('?') + 1)
    : '';
  for (const query of [inHash, search]) {
    const params = new URLSearchParams(query);
    const prompt = params.get('prompt');
    if (prompt)
      return { prompt, version: params.get('version') ?? params.get('label') ?? undefined };
  }
  return null;
}
