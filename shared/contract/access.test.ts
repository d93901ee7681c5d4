import { describe, expect, it } from 'vitest';
import { CHANNEL_ACCESS, roleAtLeast, roleNeeded, type Access } from './access';
import { channels } from './index';

const KINDS: readonly Access[] = ['public', 'self', 'read', 'write', 'admin'];

describe('channel access table', () => {
  it('classifies every channel of the contract, and nothing else', () => {
    const contract = Object.keys(channels).sort();
    const classified = Object.keys(CHANNEL_ACCESS).sort();
    expect(contract.filter((c) => !classified.includes(c))).toEqual([]);
    expect(classified.filter((c) => !contract.includes(c))).toEqual([]);
    for (const access of Object.values(CHANNEL_ACCESS)) expect(KINDS).toContain(access);
  });

  it('opens only status, setup and login to anonymous callers', () => {
    const open = Object.entries(CHANNEL_ACCESS)
      .filter(([, a]) => a === 'public')
      .map(([c]) => c)
      .sort();
    expect(open).toEqual(['auth.login', 'auth.setup', 'auth.status']);
  });

  it('keeps accounts, the audit log and provider keys to admins', () => {
    for (const c of [
      'auth.users.list',
      'auth.users.create',
      'auth.users.update',
      'auth.audit.list',
      'settings.updateProvider',
    ] as const)
      expect(CHANNEL_ACCESS[c]).toBe('admin');
  });

  it('ranks roles viewer < editor < admin', () => {
    expect(roleNeeded('read')).toBe('viewer');
    expect(roleNeeded('write')).toBe('editor');
    expect(roleNeeded('admin')).toBe('admin');
    expect(roleNeeded('self')).toBeNull();
    expect(roleAtLeast('editor', 'viewer')).toBe(true);
    expect(roleAtLeast('editor', 'admin')).toBe(false);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });
});
