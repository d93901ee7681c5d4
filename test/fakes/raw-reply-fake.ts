import { listenFake, type FakeServer } from './fake-http';

/** One scripted answer: any status, content type and bytes, valid or not. */
export interface RawReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A fake that answers every path with `raw`, whatever a provider's wire format would say. */
export interface RawReplyFake extends FakeServer {
  raw: RawReply;
  /** Per-path answers that win over `reply` (e.g. a different body for `/api/tags`). */
  readonly byPath: Map<string, RawReply>;
}

/**
 * A server for provider replies no real provider should send (HTML from a proxy, a body that
 * is not JSON, a list of the wrong shape): what a client must survive without crashing.
 */
export async function startRawReplyFake(
  initial: RawReply = { status: 200, contentType: 'application/json', body: '{}' },
): Promise<RawReplyFake> {
  const byPath = new Map<string, RawReply>();
  let fake: RawReplyFake | null = null;
  const server = await listenFake(
    (path) =>
      ({ res }) => {
        const { status, contentType, body } = byPath.get(path) ?? fake!.raw;
        res.writeHead(status, { 'content-type': contentType });
        res.end(body);
      },
    { errorBody: (status, message) => ({ error: { status, message } }) },
  );
  fake = Object.assign(server, { raw: initial, byPath });
  return fake;
}
