import { describe, expect, it } from 'vitest';
import { ingestOrigin, pendingIngestPort } from './ingest-endpoint';

const page = { origin: 'http://127.0.0.1:5555' };

describe('ingest endpoint', () => {
  it("is the page's own origin under assay serve, the local server's URL in the app, none when off", () => {
    expect(ingestOrigin({ state: 'server' }, page)).toBe('http://127.0.0.1:5555');
    expect(
      ingestOrigin({ state: 'listening', url: 'http://127.0.0.1:7717', port: 7717 }, page),
    ).toBe('http://127.0.0.1:7717');
    // No URL that does not capture: the port belongs to another program.
    expect(
      ingestOrigin({ state: 'unavailable', port: 7717, inUse: true, reason: 'taken' }, page),
    ).toBeNull();
  });

  it('names the saved port while the running server is on another one (applies at restart)', () => {
    const listening = { state: 'listening', url: 'http://127.0.0.1:7717', port: 7717 } as const;
    expect(pendingIngestPort(listening, 7717)).toBeNull();
    expect(pendingIngestPort(listening, 7800)).toBe(7800);
    expect(
      pendingIngestPort({ state: 'unavailable', port: 7717, inUse: true, reason: 'x' }, 7800),
    ).toBe(7800);
    // `assay serve` listens on its own --port; the desktop setting does not apply to it.
    expect(pendingIngestPort({ state: 'server' }, 7800)).toBeNull();
  });
});
