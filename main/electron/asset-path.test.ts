import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveAssetPath } from './asset-path';

const root = path.resolve('/srv/assay/out/renderer');

function fileOf(pathname: string): string {
  const result = resolveAssetPath(root, pathname);
  if (!result.ok) throw new Error(`refused ${pathname}: ${result.reason}`);
  return result.file;
}

function statusOf(pathname: string, pathImpl: path.PlatformPath = path): number | 'ok' {
  const result = resolveAssetPath(root, pathname, pathImpl);
  return result.ok ? 'ok' : result.status;
}

describe('resolveAssetPath', () => {
  it('maps normal files inside the root', () => {
    expect(fileOf('/index.html')).toBe(path.join(root, 'index.html'));
    expect(fileOf('/assets/index-abc123.js')).toBe(path.join(root, 'assets', 'index-abc123.js'));
    expect(fileOf('/assets/font%20name.woff2')).toBe(path.join(root, 'assets', 'font name.woff2'));
  });

  it('serves index.html for the root path', () => {
    expect(fileOf('/')).toBe(path.join(root, 'index.html'));
    expect(fileOf('')).toBe(path.join(root, 'index.html'));
    expect(fileOf('/.')).toBe(path.join(root, 'index.html'));
  });

  it('marks only extension-less paths for the index.html fallback', () => {
    const route = resolveAssetPath(root, '/evals/run-42');
    expect(route).toMatchObject({ ok: true, spaFallback: true });
    const asset = resolveAssetPath(root, '/assets/missing.js');
    expect(asset).toMatchObject({ ok: true, spaFallback: false });
  });

  it('refuses parent segments, literal or percent-encoded', () => {
    expect(statusOf('/../secret.txt')).toBe(403);
    expect(statusOf('/assets/../../secret.txt')).toBe(403);
    expect(statusOf('/%2e%2e/secret.txt')).toBe(403);
    expect(statusOf('/%2E%2E/%2e%2e/etc/passwd')).toBe(403);
    expect(statusOf('/assets/..%2f..%2fsecret.txt')).toBe(403);
    expect(statusOf('/..%2Fsecret.txt')).toBe(403);
  });

  it('refuses backslashes, raw or encoded', () => {
    expect(statusOf('/..\\secret.txt')).toBe(403);
    expect(statusOf('/assets%5c..%5c..%5csecret.txt')).toBe(403);
    expect(statusOf('/assets\\app.js')).toBe(403);
  });

  it('refuses null bytes', () => {
    expect(statusOf('/index.html%00.png')).toBe(403);
    expect(statusOf('/index.html\0')).toBe(403);
  });

  it('refuses absolute paths smuggled in the URL path', () => {
    expect(statusOf('/C:/Windows/win.ini')).toBe(403);
    expect(statusOf('/c:%2fWindows%2fwin.ini')).toBe(403);
    expect(statusOf('/C:/Windows/win.ini', path.win32)).toBe(403);
  });

  it('keeps repeated leading slashes inside the root', () => {
    // `//etc/passwd` must not become the absolute /etc/passwd.
    expect(fileOf('//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(fileOf('/%2Fetc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('rejects malformed percent-encoding with 400', () => {
    expect(statusOf('/%E0%A4%A')).toBe(400);
    expect(statusOf('/%zz')).toBe(400);
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\Assay\\resources\\app.asar\\out\\renderer';
    const ok = resolveAssetPath(winRoot, '/assets/app.js', path.win32);
    expect(ok).toEqual({ ok: true, file: `${winRoot}\\assets\\app.js`, spaFallback: false });
    expect(resolveAssetPath(winRoot, '/..%5c..%5cwin.ini', path.win32)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAssetPath(winRoot, '/D:%5cx', path.win32)).toMatchObject({ ok: false });
  });
});

describe('isInside', () => {
  it('does not treat a sibling with a shared prefix as inside', () => {
    expect(isInside('/srv/renderer', '/srv/renderer-evil/x.js')).toBe(false);
    expect(isInside('/srv/renderer', '/srv/renderer/x.js')).toBe(true);
    expect(isInside('/srv/renderer', '/srv/renderer')).toBe(true);
    expect(isInside('/', '/etc/passwd')).toBe(true);
  });
});
