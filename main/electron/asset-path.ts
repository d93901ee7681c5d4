import path from 'node:path';

/** Where a request path points inside the renderer folder, or why it is refused. */
export type AssetPathResult =
  | {
      readonly ok: true;
      readonly file: string;
      /** True for extension-less paths (client-side routes), which fall back to index.html. */
      readonly spaFallback: boolean;
    }
  | { readonly ok: false; readonly status: 400 | 403; readonly reason: string };

export const INDEX_FILE = 'index.html';

/**
 * Maps the path of an `app://` URL to a file under `root`, refusing anything that could
 * escape it. Chromium already normalises `..` in standard-scheme URLs, but this function does
 * not rely on that: it decodes, rejects suspicious input outright, then checks containment of
 * the resolved path. `pathImpl` lets tests exercise Windows rules on any OS.
 */
export function resolveAssetPath(
  root: string,
  urlPathname: string,
  pathImpl: path.PlatformPath = path,
): AssetPathResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 403, reason: 'null byte' };
  // A backslash is a separator on Windows and never part of a built asset's name.
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash' };

  const relative = decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  // Browsers resolve dot segments before sending; a `..` that survives was crafted.
  if (segments.includes('..')) return { ok: false, status: 403, reason: 'parent segment' };
  // `C:/...` after the leading slashes are stripped, or any other absolute form.
  if (pathImpl.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    return { ok: false, status: 403, reason: 'absolute path' };
  }

  const resolvedRoot = pathImpl.resolve(root);
  const file = pathImpl.resolve(resolvedRoot, relative === '' ? INDEX_FILE : relative);
  if (file === resolvedRoot) {
    return { ok: true, file: pathImpl.join(resolvedRoot, INDEX_FILE), spaFallback: false };
  }
  if (!isInside(resolvedRoot, file, pathImpl)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, file, spaFallback: pathImpl.extname(file) === '' };
}

/** True when `candidate` is `root` itself or below it (both already resolved). */
export function isInside(
  root: string,
  candidate: string,
  pathImpl: path.PlatformPath = path,
): boolean {
  if (candidate === root) return true;
  const prefix = root.endsWith(pathImpl.sep) ? root : root + pathImpl.sep;
  return candidate.startsWith(prefix);
}
