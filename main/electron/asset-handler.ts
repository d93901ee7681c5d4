import fs from 'node:fs/promises';
import path from 'node:path';
import { INDEX_FILE, isInside, resolveAssetPath } from './asset-path';
import { contentTypeFor } from './mime-types';

export interface AssetHandlerOptions {
  /** The built renderer folder (out/renderer). */
  readonly root: string;
  /** The only host served; `app://anything-else/` gets a 404. */
  readonly host: string;
  /** Sent on every response, so no page from this scheme runs without it. */
  readonly contentSecurityPolicy: string;
}

/**
 * The `app://` request handler, written against the fetch API's Request and Response so it
 * runs (and is tested) under plain Node; the Electron side only passes it to protocol.handle.
 */
export function createAssetHandler(
  options: AssetHandlerOptions,
): (request: Request) => Promise<Response> {
  const root = path.resolve(options.root);
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // A rebuilt renderer must show up on the next reload; files are local, so this is cheap.
    'Cache-Control': 'no-cache',
  };
  const text = (status: number, body: string): Response =>
    new Response(body, {
      status,
      headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return text(405, 'Method not allowed');
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'Bad request');
    }
    if (url.host !== options.host) return text(404, 'Not found');

    const resolved = resolveAssetPath(root, url.pathname);
    if (!resolved.ok) return text(resolved.status, 'Forbidden');

    let file = resolved.file;
    if (!(await isFile(file))) {
      // Client-side routes (/evals/123) load the app shell; a missing asset (/x.js) is a 404,
      // so a broken build fails loudly instead of rendering HTML as script.
      if (!resolved.spaFallback) return text(404, 'Not found');
      file = path.join(root, INDEX_FILE);
      if (!(await isFile(file))) return text(404, 'Not found');
    }
    // The lexical check above cannot see symlinks; the real path must stay inside too.
    if (!(await isRealPathInside(root, file))) return text(403, 'Forbidden');

    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': contentTypeFor(file) },
    });
  };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isRealPathInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    return isInside(realRoot, realFile);
  } catch {
    return false;
  }
}
