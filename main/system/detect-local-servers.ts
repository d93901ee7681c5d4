import type { LocalServer } from '../../shared/contract';

export interface ServerCandidate {
  readonly kind: LocalServer['kind'];
  readonly baseUrl: string;
}

/** Where local OpenAI-compatible servers listen out of the box. */
export const DEFAULT_LOCAL_SERVERS: readonly ServerCandidate[] = [
  { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  { kind: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1' },
  { kind: 'llamacpp', baseUrl: 'http://127.0.0.1:8080/v1' },
  { kind: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1' },
];

/** Long enough for a server on this machine, short enough that a closed port costs nothing. */
export const PROBE_TIMEOUT_MS = 800;
const MAX_MODELS = 50;

function modelIds(body: unknown): string[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) return null;
  return data
    .map((entry: unknown) =>
      typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined,
    )
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .slice(0, MAX_MODELS);
}

/** The server's models, or null when nothing OpenAI-compatible answers there in time. */
async function probe(baseUrl: string, timeoutMs: number): Promise<string[] | null> {
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return null;
    return modelIds(await res.json());
  } catch {
    // Refused, timed out, or not JSON: no server of ours there.
    return null;
  }
}

/** True for 127.0.0.1, ::1 and localhost: the probe never reaches beyond this machine. */
function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Probes the candidates at once (so the answer takes one timeout at most) and returns those
 * that list models with `GET /v1/models`, in the order given; the same URL is probed once.
 */
export async function detectLocalServers(
  candidates: readonly ServerCandidate[],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<LocalServer[]> {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const key = c.baseUrl.replace(/\/+$/, '');
    if (seen.has(key) || !isLoopback(c.baseUrl)) return false;
    seen.add(key);
    return true;
  });
  const found = await Promise.all(
    unique.map(async (c) => {
      const models = await probe(c.baseUrl, timeoutMs);
      return models ? { kind: c.kind, baseUrl: c.baseUrl.replace(/\/+$/, ''), models } : null;
    }),
  );
  return found.filter((s): s is LocalServer => s !== null);
}
