import { describe, expect, it } from 'vitest';
import {
  isApiTokenShape,
  isSessionSecretShape,
  newApiToken,
  newSessionSecret,
  secretHash,
} from './credential-secrets';

describe('credential secrets', () => {
  it('makes 32-byte session secrets and assay_pat_ tokens with a short display prefix', () => {
    const secret = newSessionSecret();
    expect(isSessionSecretShape(secret)).toBe(true);
    const { token, prefix } = newApiToken();
    expect(token).toMatch(/^assay_pat_[A-Za-z0-9_-]{43}$/);
    expect(isApiTokenShape(token)).toBe(true);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength('assay_pat_'.length + 6);
    expect(secretHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses odd shapes before any lookup', () => {
    expect(isSessionSecretShape('x'.repeat(10_000))).toBe(false);
    expect(isSessionSecretShape("' OR 1=1 --")).toBe(false);
    expect(isApiTokenShape(`assay_pat_${'a'.repeat(10_000)}`)).toBe(false);
    expect(isApiTokenShape('assay_pat_')).toBe(false);
  });
});
