import { authHeadersFor } from './team-mode';

/**
 * Calls a channel of a running `assay serve` over HTTP, as the workbench does, and returns its
 * data; a coded error is thrown with its message (tests set things up through the API). On a
 * team server (ASSAY_E2E_TEAM) it calls as the harness's editor, with their API token.
 */
export async function apiCall<T>(baseUrl: string, channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeadersFor(baseUrl, channel) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}
