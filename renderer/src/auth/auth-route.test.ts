import { describe, expect, it } from 'vitest';
import { isAuthPath, loginHref, redirectFor, returnToOf, safeReturnTo } from './auth-route';

describe('sign-in addresses', () => {
  it('keeps the page to return to in the login address, and reads it back', () => {
    const page = '/prompts/support/base?version=v1.2&tab=history';
    const href = loginHref(page);
    expect(href).toBe(`/login?next=${encodeURIComponent(page)}`);
    expect(returnToOf(href)).toBe(page);
    expect(loginHref('/')).toBe('/login');
    expect(returnToOf('/login')).toBe('/');
  });

  it('returns only to pages of the workbench, never elsewhere or to a sign-in page', () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil', '', null]) {
      expect(safeReturnTo(next)).toBe('/');
    }
    expect(safeReturnTo('/login?next=/prompts')).toBe('/');
    expect(safeReturnTo('/setup')).toBe('/');
    expect(returnToOf(`/login?next=${encodeURIComponent('//evil.example')}`)).toBe('/');
    expect(isAuthPath('/login?next=%2Fdatasets')).toBe(true);
    expect(isAuthPath('/loginx')).toBe(false);
  });

  it('sends each view to its address', () => {
    // Nobody signed in on a team server: the login page, remembering where the user was.
    expect(redirectFor('login', '/datasets/qa')).toBe('/login?next=%2Fdatasets%2Fqa');
    expect(redirectFor('login', '/login?next=%2Fdatasets')).toBeNull();
    expect(redirectFor('login', '/setup')).toBe('/login');
    // No account yet: setup, from anywhere.
    expect(redirectFor('setup', '/prompts')).toBe('/setup');
    expect(redirectFor('setup', '/setup')).toBeNull();
    // Signed in: off the sign-in pages, to the page asked for.
    expect(redirectFor('signed-in', '/login?next=%2Fdatasets%2Fqa')).toBe('/datasets/qa');
    expect(redirectFor('signed-in', '/setup')).toBe('/');
    expect(redirectFor('signed-in', '/evals')).toBeNull();
    // Local mode never shows a sign-in page.
    expect(redirectFor('local', '/login')).toBe('/');
    expect(redirectFor('local', '/prompts')).toBeNull();
  });
});
