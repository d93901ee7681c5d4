import { describe, expect, it } from 'vitest';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('are argon2id PHC strings with OWASP parameters and their own salt, never the password', async () => {
    const password = 'correct horse battery staple';
    const a = await hashPassword(password);
    const b = await hashPassword(password);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toContain(password);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, password)).toBe(true);
    expect(await verifyPassword(a, `${password}!`)).toBe(false);
    expect(await verifyPassword('not a hash', password)).toBe(false);
    expect(await verifyNothing(password)).toBe(false);
  });
});
