import { describe, expect, it } from 'vitest';
import { isAppNavigation, isSafeExternalUrl } from './navigation-policy';

describe('isSafeExternalUrl', () => {
  it('allows https URLs', () => {
    expect(isSafeExternalUrl('https://platform.openai.com/api-keys')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://docs.anthropic.com/')).toBe(true);
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://assay/index.html',
      'vscode://file/etc/passwd',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses unparsable URLs and URLs with credentials', () => {
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl('')).toBe(false);
    expect(isSafeExternalUrl('https://bank.example@evil.example/')).toBe(false);
    expect(isSafeExternalUrl('https://user:pass@example.com/')).toBe(false);
  });
});

describe('isAppNavigation', () => {
  const prod = ['app://assay'];
  const dev = ['http://localhost:5173'];

  it('allows navigation within the app origin', () => {
    expect(isAppNavigation('app://assay/index.html', prod)).toBe(true);
    expect(isAppNavigation('app://assay/evals/1?x=2#y', prod)).toBe(true);
    expect(isAppNavigation('http://localhost:5173/', dev)).toBe(true);
  });

  it('blocks other origins, schemes and look-alikes', () => {
    for (const url of [
      'https://example.com/',
      'app://assay.evil/index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppNavigation(url, prod), url).toBe(false);
    }
    expect(isAppNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAppNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAppNavigation('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});
