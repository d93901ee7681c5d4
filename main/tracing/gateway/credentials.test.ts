import { describe, expect, it } from 'vitest';
import { decideCredentials } from './credentials';

const TOKEN = 'assay-token-0123456789';
const STORED = 'sk-stored-0123456789';
const OWN = 'sk-own-0123456789';
const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe('decideCredentials', () => {
  it('passes the client key through on a server without a token', () => {
    const d = decideCredentials(
      'openai',
      headers({ authorization: `Bearer ${OWN}` }),
      undefined,
      STORED,
    );
    expect(d).toMatchObject({
      ok: true,
      source: 'client',
      auth: { authorization: `Bearer ${OWN}` },
    });
  });

  it('uses the stored key when no key is sent and no token is required', () => {
    expect(decideCredentials('anthropic', headers({}), undefined, STORED)).toMatchObject({
      ok: true,
      source: 'stored',
      auth: { 'x-api-key': STORED },
    });
    expect(
      decideCredentials('openai', headers({ authorization: 'Bearer ' }), undefined, null),
    ).toMatchObject({
      ok: true,
      source: 'none',
      auth: {},
    });
  });

  it('requires the token when the server has one: as the key, or in x-assay-token', () => {
    expect(
      decideCredentials('openai', headers({ authorization: `Bearer ${OWN}` }), TOKEN, STORED).ok,
    ).toBe(false);
    expect(decideCredentials('openai', headers({}), TOKEN, STORED).ok).toBe(false);
    expect(
      decideCredentials('anthropic', headers({ 'x-api-key': TOKEN }), TOKEN, STORED),
    ).toMatchObject({ ok: true, source: 'stored', auth: { 'x-api-key': STORED } });
    expect(
      decideCredentials('anthropic', headers({ authorization: `Bearer ${TOKEN}` }), TOKEN, STORED),
    ).toMatchObject({ ok: true, source: 'stored' });
    const beside = decideCredentials(
      'openai',
      headers({ authorization: `Bearer ${OWN}`, 'x-assay-token': TOKEN }),
      TOKEN,
      STORED,
    );
    expect(beside).toMatchObject({
      ok: true,
      source: 'client',
      auth: { authorization: `Bearer ${OWN}` },
    });
  });

  it('lists every credential seen, for redaction', () => {
    const d = decideCredentials(
      'openai',
      headers({ authorization: `Bearer ${OWN}`, 'x-assay-token': TOKEN }),
      TOKEN,
      STORED,
    );
    expect(d.ok && [...d.secrets].sort()).toEqual([OWN, STORED, TOKEN].sort());
  });
});

describe('decideCredentials on the Anthropic route', () => {
  it('passes a Bearer token (OAuth) on as Bearer, and x-api-key as x-api-key', () => {
    expect(
      decideCredentials(
        'anthropic',
        headers({ authorization: `Bearer ${OWN}` }),
        undefined,
        STORED,
      ),
    ).toMatchObject({ ok: true, source: 'client', auth: { authorization: `Bearer ${OWN}` } });
    expect(
      decideCredentials('anthropic', headers({ 'x-api-key': OWN }), undefined, STORED),
    ).toMatchObject({ ok: true, source: 'client', auth: { 'x-api-key': OWN } });
  });
});
