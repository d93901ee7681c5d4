import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { createAssetHandler } from './asset-handler';

const CSP = "default-src 'self'";
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeEach(() => {
  const base = tempDir();
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Assay</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  handle = createAssetHandler({ root, host: 'assay', contentSecurityPolicy: CSP });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  handle(new Request(url, { method }));

describe('createAssetHandler', () => {
  it('serves files with their MIME type and the CSP', async () => {
    const js = await get('app://assay/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe('console.log(1)');

    const css = await get('app://assay/assets/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const html = await get('app://assay/index.html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<title>Assay</title>');
  });

  it('falls back to index.html for extension-less routes only', async () => {
    const route = await get('app://assay/prompts/123');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://assay/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the root', async () => {
    for (const url of [
      'app://assay/..%2fsecret.txt',
      'app://assay/%2e%2e%2fsecret.txt',
      'app://assay/assets%5c..%5c..%5csecret.txt',
      'app://assay/index.html%00',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text(), url).not.toContain('top secret');
    }
    // The URL parser resolves a literal `..`; what remains is looked up inside the root.
    const normalised = await get('app://assay/../secret.txt');
    expect(normalised.status).toBe(404);
  });

  it('refuses a symlink that leads out of the root', async () => {
    fs.symlinkSync(path.join(root, '..', 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    const res = await get('app://assay/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('top secret');
  });

  it('answers only for its own host and for GET or HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://assay/index.html', 'POST')).status).toBe(405);
    const head = await get('app://assay/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reports a missing build as 404 rather than an empty page', async () => {
    fs.rmSync(path.join(root, 'index.html'));
    expect((await get('app://assay/')).status).toBe(404);
    expect((await get('app://assay/settings')).status).toBe(404);
  });
});
