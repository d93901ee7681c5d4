import { describe, expect, it } from 'vitest';
import { resolveRendererTarget } from './renderer-target';

describe('resolveRendererTarget', () => {
  it('serves the built renderer over app:// by default', () => {
    expect(resolveRendererTarget(false, {})).toEqual({
      entryUrl: 'app://assay/index.html',
      appOrigins: ['app://assay'],
      devServerUrl: null,
    });
  });

  it('uses the electron-vite dev server in development', () => {
    const target = resolveRendererTarget(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(target).toEqual({
      entryUrl: 'http://localhost:5173/',
      appOrigins: ['http://localhost:5173'],
      devServerUrl: 'http://localhost:5173/',
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const target = resolveRendererTarget(true, { ELECTRON_RENDERER_URL: 'https://evil.example' });
    expect(target.entryUrl).toBe('app://assay/index.html');
    expect(target.appOrigins).toEqual(['app://assay']);
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() =>
      resolveRendererTarget(false, { ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }),
    ).toThrow(/http/);
  });
});
