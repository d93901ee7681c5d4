import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pulseHref, pulseViewOf } from './pulse-route';

describe('pulse addresses', () => {
  it('reads the tab, the open alert and the unread filter', () => {
    expect(pulseViewOf('/pulse', '')).toEqual({ tab: 'inbox', alert: null, unreadOnly: false });
    expect(pulseViewOf('/pulse/rules', '')).toMatchObject({ tab: 'rules' });
    expect(pulseViewOf('/pulse/webhooks?alert=x', '')).toEqual({
      tab: 'webhooks',
      alert: null,
      unreadOnly: false,
    });
    expect(pulseViewOf('/pulse', '?unread=1')).toMatchObject({ unreadOnly: true });
  });

  it('round-trips any alert id through its link', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() === s),
        fc.boolean(),
        (id, unread) => {
          expect(pulseViewOf(pulseHref.alert(id, unread), '')).toEqual({
            tab: 'inbox',
            alert: id,
            unreadOnly: unread,
          });
        },
      ),
    );
  });
});
