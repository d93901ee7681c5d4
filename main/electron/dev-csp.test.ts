import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { devContentSecurityPolicy } from './dev-csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('devContentSecurityPolicy', () => {
  const dev = directives(
    devContentSecurityPolicy(CONTENT_SECURITY_POLICY, 'http://localhost:5173'),
  );
  const prod = directives(CONTENT_SECURITY_POLICY);

  it('adds inline scripts and the dev server websocket, nothing else', () => {
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    for (const [name, sources] of prod) {
      if (name === 'script-src' || name === 'connect-src') continue;
      expect(dev.get(name), name).toEqual(sources);
    }
    expect([...dev.keys()]).toEqual([...prod.keys()]);
  });

  it('uses wss for an https dev server and does not duplicate sources', () => {
    const policy = devContentSecurityPolicy(
      "script-src 'self' 'unsafe-inline'; connect-src 'self'",
      'https://127.0.0.1:5173/',
    );
    expect(policy).toBe(
      "script-src 'self' 'unsafe-inline'; connect-src 'self' https://127.0.0.1:5173 wss://127.0.0.1:5173",
    );
  });
});
