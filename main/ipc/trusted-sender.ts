/** The parts of Electron's WebFrameMain that the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Origin of a URL as `scheme://host`. Node reports `origin` as "null" for custom schemes such
 * as `app:`, so it is rebuilt from protocol and host.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Builds the check every IPC handler runs: the call must come from a top-level frame (no
 * iframe, no embedded content) whose origin is the app's own.
 */
export function createSenderCheck(
  allowedOrigins: readonly string[],
): (frame: SenderFrameLike | null | undefined) => boolean {
  const allowed = new Set(allowedOrigins.map((o) => originOf(o)).filter((o) => o !== null));
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    const origin = originOf(frame.url);
    return origin !== null && allowed.has(origin);
  };
}
