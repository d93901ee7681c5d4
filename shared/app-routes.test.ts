import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertRoute, isAppRoute } from './app-routes';

describe('routes the shell hands to the workbench', () => {
  it('names an alert in the Pulse inbox, its id encoded', () => {
    expect(alertRoute('0193f6c2-aa')).toBe('/pulse?alert=0193f6c2-aa');
    expect(alertRoute('a&b c')).toBe('/pulse?alert=a%26b%20c');
  });

  it('takes only paths of the workbench, never a URL', () => {
    for (const ok of ['/pulse', '/pulse?alert=x', '/interactions/abc'])
      expect(isAppRoute(ok), ok).toBe(true);
    for (const bad of [
      '',
      '/',
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'pulse',
      '/pulse\n',
      `/${'a'.repeat(2_000)}`,
      42,
      null,
    ])
      expect(isAppRoute(bad), String(bad)).toBe(false);
  });

  it('every alert route is one, whatever the id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 256 }), (id) => {
        expect(isAppRoute(alertRoute(id))).toBe(true);
      }),
    );
  });
});
