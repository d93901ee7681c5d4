import { describe, expect, it } from 'vitest';
import { teamHref, teamTabsFor, teamViewOf } from './team-route';
import { tokenState } from './team-format';
import { tokenInput } from './token-forms';

describe('team settings addresses', () => {
  it('round-trips a view, keeping defaults out of the address', () => {
    expect(teamHref({})).toBe('/settings/team');
    expect(teamHref({ tab: 'audit', offset: 100 })).toBe('/settings/team?tab=audit&offset=100');
    expect(teamViewOf('/settings/team?tab=audit&offset=100')).toEqual({
      tab: 'audit',
      offset: 100,
    });
    expect(teamViewOf('/settings/team?tab=nope&offset=-5')).toEqual({ tab: 'tokens', offset: 0 });
    expect(teamViewOf('/settings/team?offset=1.5')).toEqual({ tab: 'tokens', offset: 0 });
  });

  it('shows members and the audit log to admins only', () => {
    expect(teamTabsFor('admin')).toEqual(['tokens', 'members', 'audit', 'password']);
    expect(teamTabsFor('editor')).toEqual(['tokens', 'password']);
    expect(teamTabsFor('viewer')).toEqual(['tokens', 'password']);
  });

  it('turns the New token form into the channel input ("never" sends no expiry)', () => {
    expect(tokenInput({ name: 'CI', role: 'editor', expiry: '30' })).toEqual({
      name: 'CI',
      role: 'editor',
      expiresInDays: 30,
    });
    expect(tokenInput({ name: 'CI', role: 'viewer', expiry: 'never' })).toEqual({
      name: 'CI',
      role: 'viewer',
    });
  });
});

describe("a token's state", () => {
  it('is revoked over expired over active', () => {
    const now = Date.parse('2026-12-08T00:00:00Z');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-12-09T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-12-07T00:00:00Z' }, now)).toBe('expired');
    expect(
      tokenState({ revokedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-07T00:00:00Z' }, now),
    ).toBe('revoked');
  });
});
